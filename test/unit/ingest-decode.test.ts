// Decoding: UTF-8 with or without BOM and UTF-16 with a BOM are read; the rest is refused with a reason.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/ingest/decode.ts";

const text = "Hội nghị Cấp cao ASEAN lần thứ 37";

describe("decodeText", () => {
  it.each([
    ["UTF-8", Buffer.from(text, "utf8"), "utf-8"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]), "utf-8-bom"],
    ["UTF-16 LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]), "utf-16le"],
    ["UTF-16 BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf-16be")]), "utf-16be"],
  ])("reads %s", (_, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text, encoding });
  });

  it.each([
    ["an empty file", Buffer.alloc(0), /empty file/],
    ["binary data", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), /binary/],
    ["Windows-1258 bytes", Buffer.from([0x48, 0xf4, 0x69, 0x20, 0x6e, 0x67, 0x68, 0xec]), /not valid UTF-8 \(byte 0xf4 at offset 1\)/],
  ])("refuses %s with a reason", (_, bytes, reason) => {
    expect(() => decodeText(bytes)).toThrowError(reason);
    try {
      decodeText(bytes);
    } catch (error) {
      expect((error as Error).name).toBe("UnreadableFileError");
    }
  });
});
