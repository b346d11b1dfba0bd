// What a sentence says of a meeting it names: the date or date range, the place
// ("tại Hà Nội") and whether it met online or in person.
import type { Sentence } from "../text/sentences.ts";
import { tokenize } from "../text/tokens.ts";
import type { Lexicon } from "./lexicon.ts";
import { DATE_WORDS } from "./report-year.ts";
import type { DateMention, MeetingFacts, MeetingMention } from "./types.ts";

/** "bên lề", "trong khuôn khổ (chương trình)" just before a meeting's name: the frame, not the sentence's event (lexicon/dates.json). */
const FRAME = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${[...DATE_WORDS.frameWords].sort((a, b) => b.length - a.length).join("|")})(?:\s+(?:chương trình|các hoạt động)(?:\s+của)?|\s+của)?\s*$`,
  "iu",
);
const FRAME_REACH = 40;
const framed = (sentence: Sentence, m: MeetingMention) =>
  FRAME.test(sentence.text.slice(Math.max(0, m.start - sentence.start - FRAME_REACH), m.start - sentence.start));

/** A date farther than this from the meeting's name, in characters, belongs to something else. */
const DATE_REACH = 75;
/** "tại Hà Nội", "ở Thủ đô Jakarta", "tại thành phố Đà Nẵng": a place after "tại" or "ở", its kind of place skipped. */
const PLACE = /(?<![\p{L}\p{N}])(?:tại|ở)\s+(?:(?:thủ đô|thành phố|tp\.?|tỉnh)\s+)?((?:\p{Lu}[\p{L}\p{M}-]*\s?){1,4})/giu;
/** A verb of holding a meeting just before "tại" (a date between allowed): the place is the meeting's wherever it stands. */
const HELD = /(?:tổ chức|diễn ra|họp|khai mạc|bế mạc|kết thúc|nhóm họp)(?:\s+(?:vào\s+)?(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?[\d/.-]+)?\s*,?\s*$/u;
/**
 * Without such a verb, "tại X" is the meeting's place when it stands near the name or in the
 * same clause; after a comma, far off, it places something else ("…, cuộc khủng hoảng tại Myanmar").
 */
const PLACE_REACH = 80;
const sameClause = (between: string) => !/[,;]/u.test(between);

const FORMATS: Array<[RegExp, NonNullable<MeetingFacts["format"]>]> = [
  [/trực tuyến kết hợp trực tiếp|trực tiếp kết hợp trực tuyến|kết hợp trực tiếp và trực tuyến/gu, "hybrid"],
  [/trực tuyến|(?<![\p{L}\p{N}])online(?![\p{L}\p{N}])|hội nghị truyền hình/gu, "online"],
  [/trực tiếp|(?<![\p{L}\p{N}])in-person(?![\p{L}\p{N}])/gu, "in-person"],
];

/**
 * Online or in person: the wording nearest after the meeting's name ("Hội nghị trực tiếp …,
 * sau 18 tháng phải họp trực tuyến" is in person), else the nearest before it.
 */
function format(text: string, at: number): MeetingFacts["format"] | undefined {
  if (!text.includes("trực") && !text.includes("online") && !text.includes("in-person") && !text.includes("truyền hình")) return undefined;
  let best: { distance: number; format: NonNullable<MeetingFacts["format"]> } | undefined;
  for (const [pattern, kind] of FORMATS) {
    for (const m of text.matchAll(pattern)) {
      const index = m.index ?? 0;
      // after the name counts as near; before it, as farther than anything after
      const distance = index >= at ? index - at : text.length + at - index;
      // a hybrid wording contains both others: it wins where it stands
      if (!best || distance < best.distance || (distance === best.distance && kind === "hybrid")) best = { distance, format: kind };
    }
  }
  return best?.format;
}

function place(text: string, meetingEnd: number, lexicon: Lexicon): string | undefined {
  if (!text.includes("tại ") && !text.includes("ở ")) return undefined;
  for (const m of text.matchAll(PLACE)) {
    const index = m.index ?? 0;
    const far = index - meetingEnd > PLACE_REACH && !sameClause(text.slice(Math.max(0, meetingEnd), index));
    if (far && !HELD.test(text.slice(0, index))) continue;
    const tokens = tokenize(m[1]!.trim());
    const city = lexicon.cityMatcher.matchAt(tokens, 0);
    if (city) return city.value;
    const country = lexicon.countryMatcher.matchAt(tokens, 0);
    if (country) return country.value.name;
  }
  return undefined;
}

/**
 * Facts for the first named meeting of a sentence (or the meeting it refers back to):
 * a date opening the sentence ("Ngày 9/4, ...") or standing near the name.
 */
export function meetingFactsOf(
  sentence: Sentence,
  meeting: MeetingMention,
  dates: DateMention[],
  lexicon: Lexicon,
  otherMeetings: MeetingMention[],
): MeetingFacts {
  const facts: MeetingFacts = {};
  // a date opening the sentence is the first meeting's ("Trong hai ngày 16-17/10, … Cuộc họp X … cho Hội nghị Y"),
  // passing over a meeting named as the frame ("Chiều 6/8, bên lề Hội nghị A, đã diễn ra Hội nghị B": B's day)
  const named = otherMeetings.filter((o) => !o.backReference || o === meeting);
  const events = named.filter((o) => !framed(sentence, o));
  const firstEvent = (events.length > 0 ? events : named).reduce<MeetingMention | undefined>((a, o) => (!a || o.start < a.start ? o : a), undefined);
  const first = firstEvent === undefined || firstEvent === meeting;
  const opening = first ? dates.find((d) => d.start - sentence.start <= 12) : undefined;
  const near = dates
    .filter((d) => Math.min(Math.abs(d.start - meeting.end), Math.abs(meeting.start - d.end)) <= DATE_REACH)
    // a date that stands nearer to another meeting is that meeting's
    .filter((d) => !otherMeetings.some((o) => o !== meeting && Math.abs(d.start - o.end) < Math.abs(d.start - meeting.end) && o.start > meeting.end))
    .sort((a, b) => Math.abs(a.start - meeting.end) - Math.abs(b.start - meeting.end));
  // a span written after the name is the meeting's own ("chuyến tham dự Hội nghị X … từ ngày 12 - 14/11"),
  // whatever day the sentence opens on (the return home, the day of the report)
  const spanAfter = near.find((d) => d.endDate && d.start >= meeting.end);
  const date = spanAfter ?? (opening && opening.start < meeting.start ? opening : undefined) ?? near[0];
  if (date) {
    facts.date = date.date;
    if (date.endDate) facts.endDate = date.endDate;
  }
  const f = format(sentence.text, meeting.end - sentence.start);
  if (f) facts.format = f;
  const from = Math.max(0, meeting.start - sentence.start - 40);
  const p = place(sentence.text.slice(from), meeting.end - sentence.start - from, lexicon);
  if (p) facts.place = p;
  return facts;
}
