// What a sentence says of a meeting it names: the date or date range, the place
// ("tại Hà Nội") and whether it met online or in person.
import type { Sentence } from "../text/sentences.ts";
import { tokenize } from "../text/tokens.ts";
import type { Lexicon } from "./lexicon.ts";
import type { DateMention, MeetingFacts, MeetingMention } from "./types.ts";

/** A date farther than this from the meeting's name, in characters, belongs to something else. */
const DATE_REACH = 75;
const PLACE = /(?<![\p{L}\p{N}])(?:tổ chức|diễn ra|họp|khai mạc|bế mạc)?\s*tại\s+((?:\p{Lu}[\p{L}\p{M}-]*\s?){1,4})/gu;

function format(text: string): MeetingFacts["format"] | undefined {
  if (!text.includes("trực") && !text.includes("online") && !text.includes("in-person") && !text.includes("truyền hình")) return undefined;
  if (/trực tuyến kết hợp trực tiếp|trực tiếp kết hợp trực tuyến|kết hợp trực tiếp và trực tuyến/u.test(text)) return "hybrid";
  if (/trực tuyến|(?<![\p{L}\p{N}])online(?![\p{L}\p{N}])|hội nghị truyền hình/u.test(text)) return "online";
  if (/trực tiếp|(?<![\p{L}\p{N}])in-person(?![\p{L}\p{N}])/u.test(text)) return "in-person";
  return undefined;
}

function place(text: string, lexicon: Lexicon): string | undefined {
  if (!text.includes("tại ")) return undefined;
  for (const m of text.matchAll(PLACE)) {
    const words = m[1]!.trim();
    const tokens = tokenize(words);
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
  const opening = dates.find((d) => d.start - sentence.start <= 12);
  const near = dates
    .filter((d) => Math.min(Math.abs(d.start - meeting.end), Math.abs(meeting.start - d.end)) <= DATE_REACH)
    // a date that stands nearer to another meeting is that meeting's
    .filter((d) => !otherMeetings.some((o) => o !== meeting && Math.abs(d.start - o.end) < Math.abs(d.start - meeting.end) && o.start > meeting.end))
    .sort((a, b) => Math.abs(a.start - meeting.end) - Math.abs(b.start - meeting.end));
  const date = (opening && opening.start < meeting.start ? opening : undefined) ?? near[0];
  if (date) {
    facts.date = date.date;
    if (date.endDate) facts.endDate = date.endDate;
  }
  const f = format(sentence.text);
  if (f) facts.format = f;
  const p = place(sentence.text.slice(Math.max(0, meeting.start - sentence.start - 40)), lexicon);
  if (p) facts.place = p;
  return facts;
}
