// Lines broken inside a sentence (text copied from a fixed-width page or a PDF: "Các\nBộ trưởng
// trân trọng …") are joined back, so that a paragraph is one line again. A line that ends without
// a sentence's end and a next line that goes on in lower case are one sentence.
const OPEN_END = /[\p{L}\p{N},\-–]$/u;
const GOES_ON = /^\p{Ll}/u;

export function unwrapLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out.length - 1;
    if (last >= 0 && out[last]!.length > 0 && line.length > 0 && OPEN_END.test(out[last]!) && GOES_ON.test(line)) out[last] = `${out[last]} ${line}`;
    else out.push(line);
  }
  return out;
}
