// PROPOSED_BY: "đề xuất / sáng kiến / ý tưởng của X (...) như: A; B" and "... như A",
// "sáng kiến của X tổ chức <meeting>", "<doc> do X đề xuất", "X đề xuất <doc>".
import type { Fact, Mention } from "../types.ts";
import { at, fact, gap, isAgent, itemRightAfter, itemRightBefore, type Pattern, type SentenceScope } from "./sentence-items.ts";

const isProposal = (m: Mention) => m.kind === "Document" || m.kind === "Meeting";
const isProposer = (m: Mention) => m.kind === "Country" || m.kind === "Official";

function ofProposer(scope: SentenceScope): Fact[] {
  const facts: Fact[] = [];
  const text = scope.sentence.text;
  for (const m of text.matchAll(/(?:đề xuất|sáng kiến|ý tưởng|đề nghị)\s+(?:quan trọng\s+)?của\s+/giu)) {
    const afterOf = at(scope, (m.index ?? 0) + m[0].length);
    const proposer = itemRightAfter(scope, afterOf, isProposer, /^\s*$/u);
    if (!proposer) continue;
    // 1. "sáng kiến của Việt Nam tổ chức Diễn đàn ...": the proposal follows the proposer
    const direct = scope.items.find((it) => it.start >= proposer.end && isProposal(it.mention) &&
      /^\s*(?:về\s+(?:việc\s+)?)?(?:tổ chức|xây dựng|thành lập|về|là)?\s*$/u.test(gap(scope, proposer.end, it.start)));
    if (direct && !(direct.mention.kind === "Meeting" && direct.mention.backReference)) {
      facts.push(fact("PROPOSED_BY", direct.mention, proposer.mention, scope, 0.9, "sáng kiến của X tổ chức M"));
      continue;
    }
    // 2. "... như: A; B; C" or "... như A": the proposals listed after "như"
    const rest = gap(scope, proposer.end, scope.sentence.end);
    const like = /^[^.]{0,200}?(?<![\p{L}\p{N}])như\s*:?\s*/u.exec(rest);
    if (!like) {
      // 3. "Đề xuất của Việt Nam được các nước hoan nghênh": the proposal of the sentences before, named
      //    by its proposer's state or name, when this sentence names no document of its own
      const previous = scope.previousProposal;
      if (previous && !scope.items.some((it) => it.mention.kind === "Document")) {
        facts.push(fact("PROPOSED_BY", previous, proposer.mention, scope, 0.7, "đề xuất của X (đã nêu)"));
      }
      continue;
    }
    const listStart = proposer.end + like[0].length;
    const listed = scope.items.filter((it) => it.start >= listStart && isProposal(it.mention) && !(it.mention.kind === "Meeting" && it.mention.backReference));
    const listed1 = like[0].includes(":") ? listed : listed.slice(0, 1);
    for (const it of listed1) facts.push(fact("PROPOSED_BY", it.mention, proposer.mention, scope, 0.85, "đề xuất của X như: A; B"));
  }
  return facts;
}

/** Between "đề xuất" and what is proposed: who is to act on it and the act ("ASEAN xây dựng", "thành lập"). */
const PROPOSAL_FILLER = /^\s*(?:(?:ASEAN|các nước(?: thành viên)?(?: ASEAN)?)\s+)?(?:(?:sớm\s+)?(?:xây dựng|thành lập|thiết lập|lập|ban hành|triển khai|hình thành|thông qua)\s+)?(?:các\s+|những\s+|một\s+)?$/u;

function verbPhrases(scope: SentenceScope): Fact[] {
  const facts: Fact[] = [];
  // "<doc> do X đề xuất"
  for (const m of scope.sentence.text.matchAll(/(?<![\p{L}\p{N}])do\s+/gu)) {
    const afterDo = at(scope, (m.index ?? 0) + m[0].length);
    const proposer = itemRightAfter(scope, afterDo, isProposer, /^\s*$/u);
    if (!proposer || !/^\s*(?:đã\s+)?(?:đề xuất|khởi xướng|đưa ra)(?![\p{L}\p{N}])/u.test(gap(scope, proposer.end, scope.sentence.end))) continue;
    const proposal = itemRightBefore(scope, at(scope, m.index ?? 0), isProposal, /^[\s,]*(?:được\s+)?$/u);
    if (proposal) facts.push(fact("PROPOSED_BY", proposal.mention, proposer.mention, scope, 0.9, "D do X đề xuất"));
  }
  // "X (đã) đề xuất / khởi xướng <doc>", "X đề xuất (ASEAN) xây dựng <doc>"
  for (const m of scope.sentence.text.matchAll(/(?:đề xuất|khởi xướng)\s+/gu)) {
    const verb = at(scope, m.index ?? 0);
    const proposal = itemRightAfter(scope, verb + m[0].length, (x) => x.kind === "Document", PROPOSAL_FILLER);
    const proposer = proposal && itemRightBefore(scope, verb, isAgent, /^\s*(?:đã|sẽ|vừa|cũng)?\s*$/u);
    if (proposal && proposer && isProposer(proposer.mention)) facts.push(fact("PROPOSED_BY", proposal.mention, proposer.mention, scope, 0.9, "X đề xuất D"));
  }
  return facts;
}

export const proposedPatterns: Pattern[] = [ofProposer, verbPhrases].map((find) => ({ applies: /đề xuất|sáng kiến|ý tưởng|đề nghị|khởi xướng/iu, find }));
