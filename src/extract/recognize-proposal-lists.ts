// Initiatives named by a list after "các đề xuất của X ... như: A; B; C". The items are
// proposals even when no head word ("Sáng kiến", "Kế hoạch") opens them: "Hình thành kho
// dự phòng ...", "Xây dựng quy trình ...". Items that do open with a head word are left to
// the document recogniser.
import type { SentenceView } from "./context.ts";
import type { Lexicon } from "./lexicon.ts";
import { tokenize } from "../text/tokens.ts";
import type { DocumentMention } from "./types.ts";
import { nameEnd } from "./recognize-documents.ts";

/** "đề xuất của", "sáng kiến của", "ý tưởng của", then (after the proposer and any words) "như:". */
const PROPOSAL_LIST = /(?:đề xuất|sáng kiến|ý tưởng|đề nghị)\s+(?:quan trọng\s+)?của\s+[^:;]{2,200}?(?<![\p{L}\p{N}])như\s*:\s*/giu;

/** "đề xuất của Việt Nam về việc xây dựng Mạng lưới ...": the capitalised name after "về (việc) (xây dựng)". */
const PROPOSAL_ABOUT = /(?:đề xuất|sáng kiến|ý tưởng)\s+(?:quan trọng\s+)?của\s+\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*){0,4}\s+về\s+(?:việc\s+)?(?:(?:xây dựng|thành lập|tổ chức|lập|thiết lập|thúc đẩy)\s+)?(?=\p{Lu})/gu;

/** A proposal named after "về": an initiative, unless a document or meeting head opens it (found elsewhere). */
export function recognizeProposalsAbout(view: SentenceView, lexicon: Lexicon): DocumentMention[] {
  const found: DocumentMention[] = [];
  const { sentence, tokens } = view;
  if (!sentence.text.includes(" về ")) return found;
  for (const m of sentence.text.matchAll(PROPOSAL_ABOUT)) {
    const start = sentence.start + (m.index ?? 0) + m[0].length;
    const i = tokens.findIndex((t) => t.start === start);
    if (i < 0 || lexicon.documentHeadMatcher.matchAt(tokens, i) || lexicon.meetingHeadMatcher.matchAt(tokens, i)) continue;
    const extent = nameEnd(tokens, i, lexicon);
    if (extent.end - i < 2) continue;
    const last = tokens[extent.spanEnd - 1]!;
    const name = sentence.text.slice(start - sentence.start, tokens[extent.end - 1]!.end - sentence.start);
    found.push({
      kind: "Document", start, end: last.end, sentence: sentence.index, name,
      aliases: extent.acronym ? [extent.acronym] : [], docKind: "initiative",
    });
  }
  return found;
}

export function recognizeProposalLists(view: SentenceView, lexicon: Lexicon): DocumentMention[] {
  const { sentence } = view;
  const found: DocumentMention[] = [];
  if (!sentence.text.includes("như")) return found;
  for (const m of sentence.text.matchAll(PROPOSAL_LIST)) {
    const listStart = (m.index ?? 0) + m[0].length;
    const list = sentence.text.slice(listStart);
    // only semicolon lists: their items are clauses, not names, and a comma may stand inside one
    if (!list.includes(";")) continue;
    let offset = listStart;
    for (const raw of list.split(";")) {
      const leading = raw.length - raw.trimStart().length;
      const item = raw.trim().replace(/(?:…|\.\.\.|\.)+$/u, "").trim();
      const itemStart = sentence.start + offset + leading;
      offset += raw.length + 1;
      const tokens = tokenize(item);
      if (tokens.length < 3 || !/^\p{Lu}/u.test(item) || lexicon.documentHeadMatcher.matchAt(tokens, 0)) continue;
      found.push({
        kind: "Document",
        start: itemStart,
        end: itemStart + item.length,
        sentence: sentence.index,
        name: item.replace(/\s*\([^)]*\)/gu, ""),
        aliases: item.includes("(") ? [item] : [],
        docKind: "initiative",
      });
    }
  }
  return found;
}
