// File names as text a user can read, and that cannot forge output. A name is bytes on Linux:
// not always UTF-8 ("caf\xe9.txt" from a Latin-1 system), and free to hold a newline, which
// printed raw would start a line of its own ("warning: forged.txt: …").

/** The name's bytes as UTF-8, each byte that is not UTF-8 written as `\xNN`. */
export function decodeFileName(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    let out = "";
    let i = 0;
    while (i < bytes.length) {
      const need = sequenceLength(bytes, i);
      if (need === 0) {
        out += `\\x${bytes[i]!.toString(16).padStart(2, "0")}`;
        i++;
      } else {
        out += new TextDecoder("utf-8").decode(bytes.subarray(i, i + need));
        i += need;
      }
    }
    return out;
  }
}

/** Length of the valid UTF-8 sequence at i, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const need = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
  if (need === 0) return 0;
  for (let k = 1; k < need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(i, i + need));
    return need;
  } catch {
    return 0; // overlong forms and surrogates
  }
}

// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu;

/** Control characters (newline, tab, escape, C1, line separators) as `\n`, `\t`, `\x1b`, `\u2028`: one line, no terminal codes. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, "0")}` : `\\x${code.toString(16).padStart(2, "0")}`;
  });
}
