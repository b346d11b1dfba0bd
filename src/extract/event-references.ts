// "Đây là sự kiện quan trọng nhất trong năm của ASEAN với sự tham dự của …", "Tham dự sự kiện còn
// có …": a word for an event, in the singular and with no name after it, refers back to a meeting
// as a head standing alone does ("Hội nghị"); article-meeting.ts resolves it. Its words and the
// words around it that make it another event are data (meetings.json eventWords …).
import type { SentenceView } from "./context.ts";
import type { Lexicon } from "./lexicon.ts";
import type { MeetingMention } from "./types.ts";

/** Whether the words of one of `phrases` end right before token i. */
function endsBefore(view: SentenceView, i: number, phrases: readonly string[][]): boolean {
  return phrases.some((words) => words.length <= i && words.every((w, k) => view.tokens[i - words.length + k]!.lower === w));
}

export function recognizeEventReferences(view: SentenceView, lexicon: Lexicon): MeetingMention[] {
  const { words, notAfter, notBefore } = lexicon.eventReference;
  const { tokens, sentence } = view;
  const found: MeetingMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const match = words.matchAt(tokens, i);
    if (!match) continue;
    const end = i + match.length;
    const next = tokens[end];
    // "các sự kiện" are several; "sự kiện bên lề", "sự kiện Văn hóa ASEAN" another one
    const another = endsBefore(view, i, notAfter) || notBefore.matchAt(tokens, end) !== null || (next?.word === true && /^\p{Lu}/u.test(next.text));
    if (!another) {
      found.push({
        kind: "Meeting", start: tokens[i]!.start, end: tokens[end - 1]!.end, sentence: sentence.index,
        name: sentence.text.slice(tokens[i]!.start - sentence.start, tokens[end - 1]!.end - sentence.start), aliases: [], backReference: true,
      });
    }
    i = end - 1;
  }
  return found;
}
