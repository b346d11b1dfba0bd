// Which meeting an article reports, and which meeting a bare "Hội nghị" or "cuộc họp" means.
import type { Sentence } from "../text/sentences.ts";
import { foldName } from "../text/fold.ts";
import type { DateMention, MeetingMention, Mention } from "./types.ts";

/** Words that name a meeting as the frame of others, not as what the article reports. */
const FRAME_BEFORE = /(?<![\p{L}])(?:chuỗi|khuôn khổ|bên lề|nhân dịp|chuẩn bị cho)\s*$/iu;
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

/** The head word a meeting's name starts with, folded: "hoi nghi", "dien dan", "cuoc hop". */
const headOf = (name: string) => foldName(name).split(" ").slice(0, 2).join(" ");

/**
 * "Hội nghị" alone: the meeting its paragraph opens on, else the article's meeting, unless a date says
 * it is another one ("cuộc họp ngày 20/2"). When the article's meeting has another head ("Diễn đàn Khu vực ASEAN" and later "Hội nghị"), the
 * last meeting named before with the same head is meant, or, with none, the last named in the paragraph.
 */
export function resolveBackReferences(mentions: Mention[], main: MeetingMention | undefined, mainDate: string | undefined, dates: DateMention[], body: string): Mention[] {
  let lastOwn: MeetingMention[] = [];
  return mentions.flatMap((m): Mention[] => {
    if (m.kind !== "Meeting") return [m];
    if (!m.backReference) {
      if (!m.nested) lastOwn = [...lastOwn, m];
      return [m];
    }
    if (!main) return [];
    const dated = dates.find((d) => d.start >= m.end && d.start - m.end <= 8);
    if (dated && dated.date !== mainDate) return [];
    const head = headOf(m.name);
    const paragraphStart = body.lastIndexOf("\n", m.start) + 1;
    const inParagraph = lastOwn.filter((o) => o.start >= paragraphStart);
    // a paragraph that opens on a meeting is about it ("Ngày 18/9/2026 – Hội nghị X họp tại Cebu. … tham dự hội nghị")
    const sentenceEnd = body.slice(paragraphStart).search(/[.!?](?:\s|$)/u);
    const topic = inParagraph.find((o) => (sentenceEnd < 0 || o.start < paragraphStart + sentenceEnd) &&
      !FRAME_BEFORE.test(body.slice(Math.max(0, o.start - 40), o.start)) && !TITLE_BEFORE.test(body.slice(Math.max(0, o.start - 20), o.start)));
    const meant =
      topic && headOf(topic.name) === head ? topic
      : headOf(main.name) === head ? main
      // "cuộc họp" when no meeting of that head was named: the one named last in the same paragraph
      : ([...lastOwn].reverse().find((o) => headOf(o.name) === head) ?? inParagraph.pop() ?? main);
    return [{ ...meant, start: m.start, end: m.end, sentence: m.sentence, nested: m.nested ?? false, backReference: true }];
  });
}
