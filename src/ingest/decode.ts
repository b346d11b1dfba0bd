// Bytes → text. UTF-8 with or without BOM and UTF-16 with a BOM are read; anything else
// (binary data, bytes that are not UTF-8) is refused with a reason a user can act on.
import iconv from "iconv-lite";
import { UnreadableFileError } from "./errors.ts";

export type SourceEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

export interface DecodedText {
  text: string;
  encoding: SourceEncoding;
}

/** A NUL byte or many control characters mean the file is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > sample.length * 0.05;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new UnreadableFileError("empty file");
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(buffer.subarray(2), "utf-16le"), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(buffer.subarray(2), "utf-16be"), encoding: "utf-16be" };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) throw new UnreadableFileError("binary file, not text");
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    return { text, encoding: hasBom ? "utf-8-bom" : "utf-8" };
  } catch {
    const at = firstInvalidUtf8(body);
    throw new UnreadableFileError(
      `not valid UTF-8 (byte 0x${body[at]?.toString(16).padStart(2, "0")} at offset ${at}); save the file as UTF-8 or UTF-16 with a BOM`,
    );
  }
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return 0;
}
