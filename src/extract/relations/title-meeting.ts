// The meeting an official's title names by its series' acronym and a number ("Chủ tịch AIPA 40",
// "Chủ tịch ADMM+ lần thứ nhất", "Chủ tịch AIPA-31"), when the recognisers read only the body
// ("AIPA") into the title: it is the meeting of the report with that acronym and that number.
import { loadLexicon } from "../lexicon.ts";
import type { MeetingMention } from "../types.ts";
import { gap, type SentenceScope } from "./sentence-items.ts";

/** "<ACRONYM>(+) (-)N", "<ACRONYM> lần thứ <ordinal>": the words of the title after "Chủ tịch". */
const ACRONYM_NUMBER = /^\s*(\p{Lu}[\p{Lu}\p{N}]*\s*\+?)\s*(?:-\s*|lần thứ\s+)?(\p{L}+|\d+)(?![\p{L}\p{N}])/u;

const fold = (s: string) => s.replace(/[\s\-–]+/gu, "").toLowerCase();

/** The meeting of the report (its own, the one just named, or one of this sentence) that the acronym and number after `offset` name. */
export function meetingByAcronymAfter(scope: SentenceScope, offset: number): MeetingMention | undefined {
  const m = ACRONYM_NUMBER.exec(gap(scope, offset, scope.sentence.end));
  if (!m) return undefined;
  const ordinal = /^\d+$/u.test(m[2]!) ? Number(m[2]) : loadLexicon().meetingGrammar.ordinalWords.get(m[2]!.toLowerCase());
  if (ordinal === undefined) return undefined;
  const acronym = fold(m[1]!);
  const candidates = [scope.main, scope.meetingJustNamed, scope.previousMeeting, ...scope.items.map((it) => it.mention)];
  // the series' acronym, or an alias that is the acronym and the number, alone or in parentheses ("… lần thứ 40 … (AIPA 40)")
  const names = (c: MeetingMention) => [c.acronym ?? "", ...c.aliases.flatMap((a) => [a, ...[...a.matchAll(/\(([^()]*)\)/gu)].map((p) => p[1]!)])];
  return candidates.find((c): c is MeetingMention => c?.kind === "Meeting" && c.ordinal === ordinal &&
    names(c).some((a) => fold(a) === acronym || fold(a) === `${acronym}${ordinal}`));
}
