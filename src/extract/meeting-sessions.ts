// A session or ceremony of a meeting named with it ("Phiên họp hẹp Hội nghị Cấp cao ASEAN lần thứ
// 47", "Lễ khai mạc Hội nghị …") stands for the meeting: who attends or chairs a session of it
// attends or chairs it. The session's own name is kept as an alias.
import { loadPredicates } from "./relations/predicates.ts";
import type { Lexicon } from "./lexicon.ts";
import type { Mention } from "./types.ts";

let headPattern: RegExp | undefined;

/** The meeting heads of the lexicon ("Hội nghị", "Đại hội đồng" …), as the start of what follows an event part. */
function meetingHeadAtStart(lexicon: Lexicon): RegExp {
  headPattern ??= new RegExp(`^(?:của\\s+)?(?=(?:${lexicon.meetingHeads.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\p{L}\\p{N}]))`, "iu");
  return headPattern;
}

export function meetingsOfSessions(mentions: Mention[], lexicon: Lexicon): Mention[] {
  const { eventParts } = loadPredicates();
  return mentions.map((m) => {
    if (m.kind !== "Meeting" || m.backReference) return m;
    const part = eventParts.exec(m.name);
    if (!part) return m;
    const rest = m.name.slice(part[0].length).trimStart();
    const head = meetingHeadAtStart(lexicon).exec(rest);
    if (!head) return m;
    return { ...m, name: rest.slice(head[0].length), aliases: [...new Set([...m.aliases, m.name])] };
  });
}
