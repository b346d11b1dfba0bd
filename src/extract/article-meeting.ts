// Which meeting an article reports, and which meeting a bare "Hội nghị" or "cuộc họp" means.
import type { Sentence } from "../text/sentences.ts";
import { foldName } from "../text/fold.ts";
import { loadLexicon } from "./lexicon.ts";
import type { DateMention, MeetingMention, Mention } from "./types.ts";

/** Words that name a meeting as the frame of others, or as the time of another ("Ngay sau khi kết thúc M1, … đã diễn ra M2", "Tiếp nối thành công của M1, M2 …"), not as what the article reports. */
const FRAME_BEFORE = /(?<![\p{L}])(?:chuỗi|khuôn khổ|bên lề|nhân dịp|chuẩn bị cho|sau khi kết thúc|sau khi|trước thềm|(?:tiếp nối|nối tiếp)(?: thành công)?(?: của)?)\s*$/iu;
/** A meeting named in someone's title ("trong vai trò Chủ tịch Hội nghị Cấp cao Đông Á") is not the one a paragraph is about. */
const TITLE_BEFORE = /(?<![\p{L}])(?:Chủ tịch|chủ tịch|nước chủ nhà|Chủ nhà)\s*$/u;

/**
 * The article's meeting: the first one it names on its own, not one named as the frame of others
 * ("trong chuỗi Hội nghị Cấp cao ASEAN với các đối tác", "bên lề Hội nghị …").
 */
export function articleMeeting(mentions: Mention[], sentences: Sentence[]): MeetingMention | undefined {
  const own = mentions.filter((m): m is MeetingMention => m.kind === "Meeting" && !m.backReference && !m.nested);
  const framed = (m: MeetingMention) => FRAME_BEFORE.test(sentences[m.sentence]!.text.slice(0, m.start - sentences[m.sentence]!.start));
  return own.find((m) => !framed(m)) ?? own[0];
}

/** Folded heads that stand alone for a meeting (meetings.json backReferenceHeads): "hoi nghi", "hop" ("cuộc họp"). */
let referenceHeads: string[] | undefined;

/**
 * The head word a meeting's name starts with, folded: "hoi nghi", "dien dan", "hop" ("cuộc họp trù bị …"
 * folds to "hop tru bi …": its head is the one a bare "cuộc họp" names).
 */
function headOf(name: string): string {
  referenceHeads ??= [...loadLexicon().meetingGrammar.backReferenceHeads].map((h) => foldName(h)).sort((a, b) => b.length - a.length);
  const folded = foldName(name);
  return referenceHeads.find((h) => folded === h || folded.startsWith(`${h} `)) ?? folded.split(" ").slice(0, 2).join(" ");
}

/**
 * "Hội nghị" alone: the meeting its paragraph opens on, else the article's meeting, unless a date says
 * it is another one ("cuộc họp ngày 20/2"). When the article's meeting has another head ("Diễn đàn Khu vực ASEAN" and later "Hội nghị"), the
 * last meeting named before with the same head is meant, or, with none, the last named in the paragraph.
 */
export function resolveBackReferences(mentions: Mention[], main: MeetingMention | undefined, mainDate: string | undefined, dates: DateMention[], body: string): Mention[] {
  // Every look-up below is incremental, so that a page of thousands of "Hội nghị" stays linear:
  // mentions come in body order (each stage of extractArticle keeps them sorted by start), so the
  // meetings named in the current paragraph are a tail of `lastOwn`, found with a moving index.
  const lastOwn: MeetingMention[] = [];
  const lastByHead = new Map<string, MeetingMention>();
  const dateAfter = datesAfter(dates);
  let paragraph: { start: number; end: number; firstOwn: number; sentenceEnd: number; topic?: MeetingMention; scanned: number } | undefined;
  return mentions.flatMap((m): Mention[] => {
    if (m.kind !== "Meeting") return [m];
    if (!m.backReference) {
      if (!m.nested) {
        lastOwn.push(m);
        lastByHead.set(headOf(m.name), m);
      }
      return [m];
    }
    if (!main) return [];
    // "11 Hội nghị cấp cao với các Đối tác": a head after a count speaks of several meetings, not of one named before
    if (/(?<![\p{L}\p{N}])\d+\s+$/u.test(body.slice(Math.max(0, m.start - 8), m.start))) return [];
    const dated = dateAfter(m.end);
    if (dated && dated.date !== mainDate) return [];
    const head = headOf(m.name);
    if (!paragraph || m.start < paragraph.start || m.start >= paragraph.end) {
      const start = body.lastIndexOf("\n", m.start) + 1;
      const next = body.indexOf("\n", start);
      let firstOwn = paragraph && start >= paragraph.start ? paragraph.firstOwn : 0;
      while (firstOwn < lastOwn.length && lastOwn[firstOwn]!.start < start) firstOwn++;
      SENTENCE_END.lastIndex = start;
      const found = SENTENCE_END.exec(body);
      paragraph = { start, end: next < 0 ? body.length : next, firstOwn, sentenceEnd: found ? found.index - start : -1, scanned: firstOwn };
    }
    const p = paragraph;
    // a paragraph that opens on a meeting is about it ("Ngày 18/9/2026 – Hội nghị X họp tại Cebu. … tham dự hội nghị")
    for (; p.topic === undefined && p.scanned < lastOwn.length; p.scanned++) {
      const o = lastOwn[p.scanned]!;
      if (o.start < p.start) continue;
      if (p.sentenceEnd >= 0 && o.start >= p.start + p.sentenceEnd) continue;
      if (!FRAME_BEFORE.test(body.slice(Math.max(0, o.start - 40), o.start)) && !TITLE_BEFORE.test(body.slice(Math.max(0, o.start - 20), o.start))) p.topic = o;
    }
    const lastInParagraph = lastOwn.length > p.firstOwn && lastOwn[lastOwn.length - 1]!.start >= p.start ? lastOwn[lastOwn.length - 1] : undefined;
    const meant =
      p.topic && headOf(p.topic.name) === head ? p.topic
      : headOf(main.name) === head ? main
      // "cuộc họp" when no meeting of that head was named: the one named last in the same paragraph
      : (lastByHead.get(head) ?? lastInParagraph ?? main);
    return [{ ...meant, start: m.start, end: m.end, sentence: m.sentence, nested: m.nested ?? false, backReference: true }];
  });
}

/** The end of a paragraph's first sentence, searched from a given offset. */
const SENTENCE_END = /[.!?](?:\s|$)/gu;

/** How far after a bare "Hội nghị" a date may stand and still be its date ("cuộc họp ngày 20/2"). */
const DATE_GAP = 8;

/**
 * The first date (in the order recognised) that starts within DATE_GAP characters after an
 * offset: a binary search in the dates sorted by start, instead of a scan of all of them per mention.
 */
function datesAfter(dates: DateMention[]): (offset: number) => DateMention | undefined {
  const order = dates.map((d, i) => ({ d, i })).sort((a, b) => a.d.start - b.d.start || a.i - b.i);
  return (offset) => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order[mid]!.d.start < offset) lo = mid + 1;
      else hi = mid;
    }
    let best: { d: DateMention; i: number } | undefined;
    for (let k = lo; k < order.length && order[k]!.d.start - offset <= DATE_GAP; k++) if (!best || order[k]!.i < best.i) best = order[k];
    return best?.d;
  };
}
