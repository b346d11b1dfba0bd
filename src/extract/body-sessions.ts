// A body that meets: "Ủy ban Quốc gia về ASEAN 2010 đã họp phiên thứ 7 dưới sự chủ trì của X" names
// the body's seventh session ("Phiên họp thứ 7 của Ủy ban …"); "Ủy ban … đã họp tại Hà Nội, dưới sự
// chủ trì của X", with no session named, speaks of the meeting the report is about, as a bare
// "cuộc họp" does (article-meeting.ts resolves it).
import type { MeetingMention, Mention } from "./types.ts";

/** Between the body and its session: "đã họp", "sẽ nhóm họp", "họp". */
const MEETS = /^\s+(?:(?:đã|sẽ|vừa|đang|tiếp tục)\s+)?(?:nhóm\s+)?họp(?![\p{L}\p{N}])/u;
/** A session known only by its number: "phiên thứ 7", "Phiên họp thứ bảy", "kỳ họp lần thứ 3". */
const SESSION = /^(phiên(?:\s+họp)?|kỳ\s+họp)(?:\s+lần)?\s+thứ\s+\S+$/iu;
/** After "họp", a place, a date, a manner or a frame: the body met, and no session is named. */
const MET_THEN = /^\s*(?:,|tại|ở|vào|trong|dưới|sáng|chiều|tối|ngày|trực tuyến|để|nhằm)(?![\p{L}\p{N}])/u;
/** How far after a body its verb may stand. */
const REACH = 40;

export function bodySessions(body: string, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (let n = 0; n < mentions.length; n++) {
    const m = mentions[n]!;
    out.push(m);
    if (m.kind !== "Organization" || m.nested) continue;
    const meets = MEETS.exec(body.slice(m.end, m.end + REACH));
    if (!meets) continue;
    const verbEnd = m.end + meets[0].length;
    // the next mention of the sentence, past those nested in the body's name
    let k = n + 1;
    while (k < mentions.length && mentions[k]!.start < m.end) k++;
    const next = mentions[k];
    const session = next?.kind === "Meeting" && !next.backReference && next.sentence === m.sentence && next.ordinal !== undefined &&
      body.slice(verbEnd, next.start).trim() === "" ? SESSION.exec(next.name) : null;
    if (session) {
      const kind = session[1]!.toLowerCase().startsWith("kỳ") ? "Kỳ họp" : "Phiên họp";
      const named: MeetingMention = { ...next as MeetingMention, name: `${kind} thứ ${(next as MeetingMention).ordinal} của ${m.name}`, aliases: [...new Set([...next!.aliases, next!.name])] };
      for (n++; n < k; n++) out.push(mentions[n]!);
      out.push(named);
      continue;
    }
    if (MET_THEN.test(body.slice(verbEnd, verbEnd + 20))) {
      out.push({ kind: "Meeting", start: verbEnd - "họp".length, end: verbEnd, sentence: m.sentence, name: "họp", aliases: [], backReference: true });
    }
  }
  return out;
}
