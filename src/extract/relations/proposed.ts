// PROPOSED_BY frames: "X đề xuất (ASEAN xây dựng) D", "D do X đề xuất", "đề xuất / sáng kiến của X
// (tổ chức) D", "… của X như: D1; D2". Their wordings are rows of lexicon/predicates.json.
import type { Fact, Mention } from "../types.ts";
import { fact, type Frames, type Occurrence } from "./frame.ts";
import { loadPredicates } from "./predicates.ts";
import { gap, isAgent, itemRightAfter, itemRightBefore } from "./sentence-items.ts";

const isProposal = (m: Mention) => m.kind === "Document" || m.kind === "Meeting";
const isProposer = (m: Mention) => m.kind === "Country" || m.kind === "Official";
const standsAlone = (m: Mention) => !(m.kind === "Meeting" && m.backReference);

/** Between "đề xuất" and what is proposed: who is to act on it and the act ("ASEAN xây dựng", "thành lập"). */
const PROPOSAL_FILLER = /^\s*(?:(?:ASEAN|các nước(?: thành viên)?(?: ASEAN)?)\s+)?(?:(?:sớm\s+)?(?:xây dựng|thành lập|thiết lập|lập|ban hành|triển khai|hình thành|thông qua)\s+)?(?:các\s+|những\s+|một\s+)?$/u;

/** "X (đã) đề xuất / khởi xướng D", "X đề xuất (ASEAN) xây dựng D". */
function proposerVerbDocument(o: Occurrence): Fact[] {
  const { scope } = o;
  const proposal = itemRightAfter(scope, o.end, (x) => x.kind === "Document", PROPOSAL_FILLER);
  const proposer = proposal && itemRightBefore(scope, o.start, isAgent, /^\s*(?:đã|sẽ|vừa|cũng)?\s*$/u);
  return proposal && proposer && isProposer(proposer.mention) ? [fact(o, proposal.mention, proposer.mention)] : [];
}

/** "D do X (đã) đề xuất". */
function proposalDoProposer(o: Occurrence): Fact[] {
  const { scope } = o;
  const before = gap(scope, scope.sentence.start, o.start);
  const doPhrase = /(?<![\p{L}\p{N}])do\s+([^,.;]{1,80}?)\s*(?:đã\s+)?$/u.exec(before);
  if (!doPhrase) return [];
  const doAt = scope.sentence.start + (doPhrase.index ?? 0);
  const proposer = itemRightAfter(scope, doAt + 3, isProposer, /^\s*$/u);
  if (!proposer || !/^\s*(?:đã\s+)?$/u.test(gap(scope, proposer.end, o.start))) return [];
  // "D do X đề xuất", "M (với chủ đề “…”) là một sáng kiến quan trọng do X đề xuất"
  const proposal = itemRightBefore(scope, doAt, isProposal, /^[\s,]*(?:được\s+)?$/u) ?? itemRightBefore(scope, doAt, isProposal, loadPredicates().proposalPredicate);
  return proposal && standsAlone(proposal.mention) ? [fact(o, proposal.mention, proposer.mention)] : [];
}

/** "sáng kiến của X tổ chức M", "đề xuất của X như: A; B; C", "Đề xuất của Việt Nam được hoan nghênh" (the proposal just named). */
function proposalOfProposer(o: Occurrence): Fact[] {
  const { scope } = o;
  const proposer = itemRightAfter(scope, o.end, isProposer, /^\s*$/u);
  if (!proposer) return [];
  // 1. the proposal follows the proposer
  const direct = scope.items.find((it) => it.start >= proposer.end && isProposal(it.mention) &&
    /^\s*(?:về\s+(?:việc\s+)?)?(?:tổ chức|xây dựng|thành lập|về|là)?\s*$/u.test(gap(scope, proposer.end, it.start)));
  if (direct && standsAlone(direct.mention)) return [fact(o, direct.mention, proposer.mention)];
  // 2. "… như: A; B; C" or "… như A": the proposals listed after "như"
  // ("cũng như" is "as well as", no list)
  const like = /^[^.]{0,200}?(?<![\p{L}\p{N}])(?<!cũng\s)như\s*:?\s*/u.exec(gap(scope, proposer.end, scope.sentence.end));
  if (like) {
    const listed = scope.items.filter((it) => it.start >= proposer.end + like[0].length && isProposal(it.mention) && standsAlone(it.mention));
    return (like[0].includes(":") ? listed : listed.slice(0, 1)).map((it) => fact(o, it.mention, proposer.mention, 0.05));
  }
  // 3. the proposal of the sentences before, when this sentence names no document of its own
  const previous = scope.previousProposal;
  return previous && !scope.items.some((it) => it.mention.kind === "Document") ? [fact(o, previous, proposer.mention, 0.2)] : [];
}

export const proposedFrames: Frames = {
  "proposer-verb-document": proposerVerbDocument,
  "proposal-do-proposer": proposalDoProposer,
  "proposal-of-proposer": proposalOfProposer,
};
