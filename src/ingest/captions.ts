// Photo captions inside the text of a page. A search index or a copy-paste flattens a news
// page, and the caption under a photo lands in the running text: "… lần thứ 19 tại Vientiane,
// ngày 11/10. (Ảnh: Quang Hòa) Tại Hội nghị …", or a paragraph of its own ending in "Ảnh: TTXVN".
// The credit marks the caption; the caption is the sentence the credit closes. Names in it are
// of the photo, not of the report: a leader only pictured did not attend, a country only in a
// caption is not mentioned by the article.
import type { LineKind } from "./furniture.ts";

/** A credit in brackets, anywhere in a line: "(Ảnh: Quang Hòa)", "(ảnh: TTXVN)", "(Ảnh: baoquocte.vn)", "(Nguồn: Kyodo/TTXVN)" (an agency credit has its slash). */
const BRACKETED_CREDIT = /\((?:\s*(?:[Ảả]nh|[Nn]guồn ảnh|[Pp]hoto|[Đđ]ồ họa)\s*:\s*(?:\p{Lu}|[\w-]+\.(?:vn|com|net|org)\b)[^()]{0,60}|\s*[Nn]guồn\s*:\s*\p{Lu}[^()/]{0,40}\/[^()]{1,30})\)\s*[.|]?/gu;
/** A credit without brackets ends its line: "Ảnh: TTXVN", "- Ảnh: Trần Hải.", "Ảnh: VGP/Nhật Bắc |". */
// ("hình ảnh: …" in running text is an image of speech, not a credit; a credit names someone, capitalised)
const TRAILING_CREDIT = /(?:^|(?<![Hh]ình)\s)(?:[-–—]\s*)?(?:[Ảả]nh|[Nn]guồn ảnh|[Pp]hoto|[Đđ]ồ họa)\s*:\s*(?:\p{Lu}|[\w-]+\.(?:vn|com|net|org)\b)[^()]{0,60}?\s*[.|]?\s*$/u;
/** Only a line's last characters can hold a trailing credit. */
const CREDIT_REACH = 120;
/** A caption is short: its start is looked for this far back from the credit, no farther. */
const CAPTION_REACH = 320;
/** The end of a sentence, and the next one starting with a capital (or an opening quote or bracket). */
const SENTENCE_END = /[.!?…]["”»)]?\s+(?=["“«(]?\p{Lu})/gu;

interface Span {
  start: number;
  end: number;
}

function credits(line: string): Span[] {
  const found: Span[] = [];
  for (const m of line.matchAll(BRACKETED_CREDIT)) found.push({ start: m.index!, end: m.index! + m[0].length });
  const from = Math.max(0, line.length - CREDIT_REACH);
  const last = found[found.length - 1];
  if (!last || last.end < line.trimEnd().length) {
    const m = TRAILING_CREDIT.exec(line.slice(from));
    if (m && (!last || from + m.index >= last.end)) found.push({ start: from + m.index, end: line.length });
  }
  return found;
}

/** Where the caption that a credit at `at` closes begins: after the sentence before it, or at `floor`. */
function captionStart(line: string, floor: number, at: number): number {
  // the caption's own closing stop, just before the credit, is not the boundary sought
  let end = at;
  while (end > floor && /[\s.!?…]/u.test(line[end - 1]!)) end--;
  const from = Math.max(floor, end - CAPTION_REACH);
  let start = -1;
  for (const m of line.slice(from, end).matchAll(SENTENCE_END)) start = from + m.index! + m[0].length;
  if (start >= 0) return start;
  // no sentence ends within reach: the caption runs from the line's (or the previous credit's) start when that is near
  return end - floor <= CAPTION_REACH ? floor : at;
}

/**
 * The line without its photo captions: each credit and the sentence it closes are dropped;
 * an empty string when the whole line was a caption.
 */
export function dropCaptions(line: string): string {
  if (!/ảnh|photo|nguồn|đồ họa/iu.test(line)) return line; // most lines: no credit to look for
  const spans = credits(line);
  if (spans.length === 0) return line;
  let out = "";
  let kept = 0;
  for (const credit of spans) {
    const start = captionStart(line, kept, credit.start);
    out += line.slice(kept, start);
    kept = credit.end;
  }
  out += line.slice(kept);
  return out.replace(/\s{2,}/gu, " ").trim();
}

/**
 * "Title ảnh 1Caption text …", "Title - ảnh 1 Caption …": a site's photo block flattened into
 * one line — the title repeated, the photo's number, the caption glued after it. All of it is furniture.
 */
const NUMBERED_PHOTO = /(?:^|\s)ảnh\s*\d{1,2}\s*(?=\p{Lu})/u;

export function isGluedCaption(line: string): boolean {
  return NUMBERED_PHOTO.test(line);
}

/** Words in a caption that names who is pictured and what they do: more than a subheading has. */
const BARE_CAPTION_MIN_WORDS = 12;
const BARE_CAPTION_MAX_LENGTH = 250;
const endsSentence = (line: string) => /[.!?…:;"”»)]$/u.test(line);
const startsCapital = (line: string) => /^["“«]?\p{Lu}/u.test(line);
const words = (line: string) => line.split(/\s+/u).filter(Boolean).length;

/**
 * A caption printed without a credit: a long line with no closing stop, set apart by blank lines
 * between two paragraphs of running text ("Thủ tướng A và Thủ tướng B đến dự Hội nghị C"). A line
 * of hard-wrapped text is never set apart by blank lines, and a title or a short subheading is not
 * taken: the line must come after running text and before more of it. Marks such lines "photo".
 */
export function markBareCaptions(lines: readonly string[], kinds: LineKind[]): void {
  let previous = -1; // the last non-blank line
  let proseBefore = false; // running text, ending a sentence, has come before
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] === "blank") continue;
    const line = lines[i]!;
    const next = i + 1 < lines.length && kinds[i + 1] === "blank" ? nextNonBlank(kinds, i + 1) : -1;
    if (
      kinds[i] === "text" &&
      proseBefore &&
      previous >= 0 &&
      previous < i - 1 &&
      endsSentence(lines[previous]!) &&
      next >= 0 &&
      kinds[next] === "text" &&
      startsCapital(lines[next]!) &&
      startsCapital(line) &&
      !endsSentence(line) &&
      line.length <= BARE_CAPTION_MAX_LENGTH &&
      words(line) >= BARE_CAPTION_MIN_WORDS
    ) {
      kinds[i] = "photo";
      continue; // a caption is not the line before the next one
    }
    if (kinds[i] === "text" && endsSentence(line) && words(line) >= 6) proseBefore = true;
    previous = kinds[i] === "text" ? i : -1; // other furniture between breaks the pattern
  }
}

function nextNonBlank(kinds: readonly LineKind[], from: number): number {
  let j = from;
  while (j < kinds.length && kinds[j] === "blank") j++;
  return j < kinds.length ? j : -1;
}
