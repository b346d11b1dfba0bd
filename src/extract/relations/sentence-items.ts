// The names a sentence holds, in order, as relation patterns see them: only names that
// stand on their own, with "Hội nghị" standing for the article's meeting.
import type { Sentence } from "../../text/sentences.ts";
import { loadLexicon } from "../lexicon.ts";
import type { CountryMention, Fact, Mention, MeetingMention } from "../types.ts";

export interface Item {
  /** The mention the relation points at (for "Hội nghị", the article's meeting). */
  mention: Mention;
  /** Where the words stand in this sentence. */
  start: number;
  end: number;
}

export interface SentenceScope {
  sentence: Sentence;
  items: Item[];
  /** The names inside other names ("Việt Nam" in "Trưởng đoàn Việt Nam"), which no frame takes as an argument on its own. */
  nested: Mention[];
  /** The article's own meeting, the one "Hội nghị" refers to. */
  main: MeetingMention | undefined;
  /** The last meeting named in the sentences before, for "Tại đây". */
  previousMeeting: MeetingMention | undefined;
  /** Every meeting the last sentence that named any named: "dự các hội nghị trên" speaks of them all. */
  previousMeetings: MeetingMention[];
  /**
   * The last meeting named on its own earlier in the same paragraph: in a report of several
   * meetings ("Ngày 27/10, Thủ tướng dự Hội nghị X. Các nhà lãnh đạo ra Tuyên bố …") a sentence
   * that names none speaks of it rather than of the article's first meeting.
   */
  meetingJustNamed: MeetingMention | undefined;
  /** What was last said to be proposed, in the sentences before: "Đề xuất của Việt Nam được hoan nghênh" speaks of it. */
  previousProposal: Mention | undefined;
}

/**
 * The state a title's ministry or a national body belongs to ("Bộ trưởng Bộ Quốc phòng", "Quốc hội
 * Việt Nam"), as a mention at its words: the state of its delegation.
 */
export function stateOf(m: Mention): CountryMention | undefined {
  const iso = m.kind === "Official" || m.kind === "Organization" ? m.countryIso : undefined;
  const entry = iso ? loadLexicon().countryByIso.get(iso) : undefined;
  return entry && { kind: "Country", iso: entry.iso, name: entry.name, aliases: [], start: m.start, end: m.end, sentence: m.sentence, nested: true };
}

export const isAgent = (m: Mention) => m.kind === "Official" || m.kind === "Country" || m.kind === "Organization";

/** Text of the sentence between two body offsets. */
export function gap(scope: SentenceScope, from: number, to: number): string {
  const s = scope.sentence;
  return from < to ? s.text.slice(from - s.start, to - s.start) : "";
}

/** Body offset of a match index within the sentence text. */
export const at = (scope: SentenceScope, index: number) => scope.sentence.start + index;

/** The first item of a kind starting at `offset`, with nothing but spaces (and the given filler words) before it. */
export function itemRightAfter(scope: SentenceScope, offset: number, accept: (m: Mention) => boolean, filler = /^\s*(?:các\s+|những\s+|cuộc\s+)?$/u): Item | undefined {
  return scope.items.find((it) => it.start >= offset && accept(it.mention) && filler.test(gap(scope, offset, it.start)));
}

/** The last item of a kind ending before `offset` whose gap to it matches `filler`. */
export function itemRightBefore(scope: SentenceScope, offset: number, accept: (m: Mention) => boolean, filler: RegExp): Item | undefined {
  const candidates = scope.items.filter((it) => it.end <= offset && accept(it.mention));
  const last = candidates[candidates.length - 1];
  return last && filler.test(gap(scope, last.end, offset)) ? last : undefined;
}

/** Adverbial openings whose names are not the sentence's subject ("Trong kết quả chung của ASEAN, ..."). */
const OPENING = /^(?:Trong|Tại|Về|Theo|Với|Đối với|Nhân|Cũng theo|Trên|Sau|Trước|Kết thúc|Điểm lại|Riêng về|Cũng tại|Ngày|Sáng|Chiều|Tối|Trưa|Đồng thời|Nhấn mạnh|Tiếp theo|Nhận lời mời|Theo lời mời|Được sự ủy quyền của|Được ủy quyền của|Theo ủy quyền của|Thừa ủy quyền của|Thay mặt)(?![\p{L}\p{N}])[^,]*,\s*/iu;

/** The subject of the sentence's main clause: its first official, state or body after any opening phrases ("Nhận lời mời của X, trưa 12/11, …"). */
export function mainSubject(scope: SentenceScope, before = Infinity): Item | undefined {
  const from = openingsEnd(scope);
  return scope.items.find((it) => it.start >= from && it.start < before && isAgent(it.mention));
}

/** Where the sentence's opening phrases end ("Theo thông cáo …, nhận lời mời của X, "): the body offset of its main clause. */
export function openingsEnd(scope: SentenceScope): number {
  const text = scope.sentence.text;
  let skipped = 0;
  for (let opening = OPENING.exec(text); opening; opening = OPENING.exec(text.slice(skipped))) skipped += opening[0].length;
  return scope.sentence.start + skipped;
}

export function fact(type: Fact["type"], from: Mention, to: Mention, scope: SentenceScope, confidence: number, pattern: string): Fact {
  return { type, from, to, sentence: scope.sentence.index, confidence, pattern };
}
