// A series named bare in a report of one numbered meeting of it means that meeting: an article on
// "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 55 (AMM-55)" that later writes "Hội nghị Bộ trưởng
// Ngoại giao ASEAN" or "Hội nghị AMM" speaks of the 55th, not of the series. With two numbered
// meetings of the series in the article the bare name stays as written: it could be either. A
// meeting named by its year ("Diễn đàn Du lịch ASEAN 2017") is one numbered meeting of its series too.
import { meetingKeyName } from "../resolve/meeting-key.ts";
import { foldName } from "../text/fold.ts";
import type { MeetingMention, Mention } from "./types.ts";

const keyOf = (name: string) => meetingKeyName(foldName(name));

/** The ordinal, or the year that ends the name, telling this meeting from the others of its series. */
const editionOf = (m: MeetingMention): string | undefined => (m.ordinal !== undefined ? String(m.ordinal) : /(?<!\d)(\d{4})$/u.exec(keyOf(m.name))?.[1]);

/** The names of a numbered meeting's series: its key without the ordinal (or year), and "hội nghị" + its acronym. */
function seriesKeys(m: MeetingMention): string[] {
  const words = keyOf(m.name).split(" ");
  const at = words.lastIndexOf(editionOf(m) ?? "");
  const keys = at >= 0 ? [[...words.slice(0, at), ...words.slice(at + 1)].join(" ")] : [];
  if (m.acronym) keys.push(foldName(m.acronym), `hoi nghi ${foldName(m.acronym)}`);
  return keys;
}

export function resolveSeriesNames(mentions: Mention[]): Mention[] {
  const numbered = new Map<string, MeetingMention[]>();
  for (const m of mentions) {
    if (m.kind !== "Meeting" || editionOf(m) === undefined || m.backReference) continue;
    for (const key of seriesKeys(m)) {
      const list = numbered.get(key) ?? [];
      if (!list.some((o) => o.name === m.name)) list.push(m);
      numbered.set(key, list);
    }
  }
  if (numbered.size === 0) return mentions;
  return mentions.map((m) => {
    if (m.kind !== "Meeting" || editionOf(m) !== undefined || m.backReference) return m;
    const candidates = numbered.get(keyOf(m.name));
    if (!candidates || candidates.length !== 1) return m;
    const meant = candidates[0]!;
    const resolved: MeetingMention = { ...m, name: meant.name, aliases: [...new Set([...m.aliases, m.name])] };
    if (meant.ordinal !== undefined) resolved.ordinal = meant.ordinal;
    return resolved;
  });
}
