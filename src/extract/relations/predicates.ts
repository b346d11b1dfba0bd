// The predicate lexicon (lexicon/predicates.json): each row a wording that states a relation,
// with the frame that reads its arguments and the confidence of what it finds. Rows are
// compiled once into one regular expression each; the frames are in the relation modules.
import { readFileSync } from "node:fs";
import type { RelationType } from "../../graph/types.ts";
import { normalizeVietnamese } from "../../text/normalize.ts";

export type FrameName =
  | "agent-verb-meeting"
  | "meeting-do-agent-verb"
  | "meeting-phrase-agents"
  | "opening-verb-meeting"
  | "delegation-led-verb"
  | "subject-trip-meeting"
  | "delegation-members"
  | "agent-with-partners-meeting"
  | "agent-verb-closing"
  | "guests-listed"
  | "agent-title-meetings"
  | "adopter-verb-documents"
  | "documents-passive"
  | "proposer-verb-document"
  | "proposal-do-proposer"
  | "proposal-of-proposer"
  | "occasion-verb-meeting"
  | "heard-agent-report";

export interface Predicate {
  id: string;
  relation: Exclude<RelationType, "OFFICIAL_OF" | "MENTIONED_IN">;
  frame: FrameName;
  voice: "active" | "passive" | "nominal";
  phrases: string[];
  notAfter?: string[];
  confidence: number;
  /** Every occurrence of one of the phrases, longest first, as a whole word and not after a `notAfter` word. */
  pattern: RegExp;
}

interface PredicateFile {
  predicates: Array<Omit<Predicate, "pattern">>;
  eventParts: string[];
  auxiliaries: string[];
  proposalNouns: string[];
  reportVerbs: string[];
  onBehalf: string[];
  manners: string[];
  relatedMeetings: { joiners: string[]; nouns: string[]; openers: string[] };
}

export interface PredicateLexicon {
  predicates: Predicate[];
  /** "lễ khai mạc", "phiên họp toàn thể": parts of a meeting that stand between a verb and the meeting. */
  eventParts: RegExp;
  /** The same parts, anywhere in a text. */
  eventPartWithin: RegExp;
  /** "đã", "sẽ", "cũng": words between an agent and its verb that break nothing. */
  auxiliaries: RegExp;
  /** The whole gap between a meeting and the first of those held with it: "và các hội nghị cấp cao liên quan gồm". */
  relatedMeetings: RegExp;
  /** "theo hình thức trực tuyến": how one took part, which may stand between a verb and the end of its clause. */
  manner: RegExp;
  /** "Thay mặt Đoàn đại biểu Y tham dự M, X …": an opening that says for whom the subject attends (the whole text before the verb). */
  onBehalf: RegExp;
  /** "M (với chủ đề “…”) là một sáng kiến quan trọng": what stands between a proposal and the "do" of its proposer. */
  proposalPredicate: RegExp;
  /** "(đã) báo cáo", "cập nhật": a verb of reporting opening a text, after the one heard. */
  reportVerb: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
/** Phrases as one alternation, longest first, escaped, any run of spaces matching any. */
export const alternation = (phrases: string[]) => [...phrases].sort((a, b) => b.length - a.length).map(escape).join("|");

function compile(row: Omit<Predicate, "pattern">): Predicate {
  const notAfter = row.notAfter?.length ? `(?<!(?<![\\p{L}\\p{N}])(?:${alternation(row.notAfter)})\\s+)` : "";
  return { ...row, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${notAfter}(?:${alternation(row.phrases)})(?![\\p{L}\\p{N}])`, "gu") };
}

/** "[,] và các hội nghị liên quan[,] gồm[:]": a joiner, a noun, an optional opener, nothing else. */
function relatedMeetingsGap(words: PredicateFile["relatedMeetings"]): RegExp {
  const { joiners, nouns, openers } = words;
  return new RegExp(`^\\s*,?\\s*(?:${alternation(joiners)})\\s+(?:${alternation(nouns)})\\s*,?\\s*(?:(?:${alternation(openers)})(?![\\p{L}\\p{N}]))?\\s*:?\\s*$`, "u");
}

let cached: PredicateLexicon | undefined;

export function loadPredicates(): PredicateLexicon {
  if (cached) return cached;
  const url = new URL("../lexicon/predicates.json", import.meta.url);
  const file = JSON.parse(normalizeVietnamese(readFileSync(url, "utf8"))) as PredicateFile;
  cached = {
    predicates: file.predicates.map(compile),
    eventParts: new RegExp(`^(?:${alternation(file.eventParts)})(?![\\p{L}\\p{N}])`, "iu"),
    eventPartWithin: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(file.eventParts)})(?![\\p{L}\\p{N}])`, "iu"),
    auxiliaries: new RegExp(`^(?:(?:${alternation(file.auxiliaries)})\\s+)*`, "u"),
    relatedMeetings: relatedMeetingsGap(file.relatedMeetings),
    proposalPredicate: new RegExp(`^(?:\\s+với chủ đề\\s+[“"][^”"]{0,200}[”"])?\\s*,?\\s*(?:là|chính là)\\s+(?:một\\s+)?(?:${alternation(file.proposalNouns)})\\s*$`, "u"),
    reportVerb: new RegExp(`^\\s*(?:đã\\s+)?(?:${alternation(file.reportVerbs)})(?![\\p{L}\\p{N}])`, "u"),
    onBehalf: new RegExp(`^(?:${alternation(file.onBehalf)})\\s+[^,.;:]{1,100}?\\s*$`, "u"),
    manner: new RegExp(`^\\s*(?:${alternation(file.manners)})(?![\\p{L}\\p{N}])`, "u"),
  };
  return cached;
}
