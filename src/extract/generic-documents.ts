// "Trưởng các đoàn thành viên AIPA đã ký Thông cáo chung": a joint communiqué or statement named by its
// kind alone is the meeting's own. Readers (and answer keys) call it "Thông cáo chung <meeting>", and two
// meetings' communiqués must not become one node "Thông cáo chung"; so it is named after the meeting the
// relations say adopted it, and dropped when none did.
import { readFileSync } from "node:fs";
import { normalizeVietnamese } from "../text/normalize.ts";
import type { Sentence } from "../text/sentences.ts";
import { loadPredicates } from "./relations/predicates.ts";
import type { DocumentMention, Fact, Mention } from "./types.ts";

interface GenericDocuments {
  heads: Array<[string, string]>;
  notAfter: string[];
}

let cached: { head: RegExp; kinds: Map<string, string> } | undefined;
function heads() {
  if (cached) return cached;
  const file = JSON.parse(normalizeVietnamese(readFileSync(new URL("./lexicon/generic-documents.json", import.meta.url), "utf8"))) as GenericDocuments;
  const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).map((x) => x.replace(/\s+/g, "\\s+")).join("|");
  // a head standing alone: not after "dự thảo", not followed by more of a capitalised name ("Tuyên bố chung Hà Nội" is a recogniser's)
  const head = new RegExp(`(?<![\\p{L}\\p{N}])(?<!(?:${alt(file.notAfter)})\\s+)(${alt(file.heads.map((h) => h[0]))})(?!\\s*\\p{Lu})(?![\\p{L}\\p{N}])`, "gu");
  cached = { head, kinds: new Map(file.heads.map(([h, k]) => [h, k])) };
  return cached;
}

/**
 * Where a sentence adopts a communiqué or statement named by its kind alone, a document mention of that
 * kind (named by its head for now: `nameAfterAdopters` names it once the relations say which meeting adopted it).
 */
export function recognizeGenericDocuments(sentences: Sentence[], mentions: Mention[]): { mentions: Mention[]; generic: Set<string> } {
  const { head, kinds } = heads();
  // (each row's pattern without its global flag, so that testing it keeps no state)
  const adoption = loadPredicates().predicates.filter((p) => p.relation === "ADOPTED").map((p) => new RegExp(p.pattern.source, "u"));
  const added: DocumentMention[] = [];
  let i = 0;
  for (const s of sentences) {
    const inSentence: Mention[] = [];
    while (i < mentions.length && mentions[i]!.sentence < s.index) i++;
    for (let j = i; j < mentions.length && mentions[j]!.sentence === s.index; j++) inSentence.push(mentions[j]!);
    head.lastIndex = 0;
    for (let m = head.exec(s.text); m; m = head.exec(s.text)) {
      const start = s.start + m.index;
      const end = start + m[0].length;
      if (inSentence.some((x) => x.start < end && start < x.end)) continue;
      if (!adoption.some((p) => p.test(s.text.slice(0, m!.index)))) continue;
      // ("ra tuyên bố chung": named with a capital, as the document is)
      const written = m[1]!.replace(/\s+/gu, " ");
      const name = written.charAt(0).toUpperCase() + written.slice(1);
      const kind = [...kinds.entries()].find(([h]) => h.toLowerCase() === name.toLowerCase())?.[1] ?? "declaration";
      added.push({ kind: "Document", docKind: kind, name, aliases: [], start, end, sentence: s.index });
    }
  }
  const generic = new Set(added.map(at));
  return { mentions: added.length === 0 ? mentions : [...mentions, ...added].sort((a, b) => a.start - b.start), generic };
}

const at = (m: Mention) => `${m.sentence}:${m.start}`;

/**
 * Each generic document that a meeting adopted is named "<head> <meeting>" (two meetings' communiqués
 * stay two documents); one no relation says was adopted is dropped, with nothing to tell it by.
 */
export function nameAfterAdopters(mentions: Mention[], facts: Fact[], generic: Set<string>): { mentions: Mention[]; facts: Fact[] } {
  if (generic.size === 0) return { mentions, facts };
  // "… ký Tuyên bố chung. … Tuyên bố chung Hà Nội của ADMM+ …": the article's own named document of that kind is meant
  const namedInArticle = (head: string) => mentions.find((m) => m.kind === "Document" && !generic.has(at(m)) && m.name.startsWith(`${head} `));
  const named = new Map<string, Mention>();
  const renamed = facts.map((f) => {
    if (f.type !== "ADOPTED" || f.to.kind !== "Document" || !generic.has(at(f.to))) return f;
    const key = `${at(f.to)}|${f.from.name}`;
    const own = namedInArticle(f.to.name);
    const doc = named.get(key) ?? (own ? { ...own, start: f.to.start, end: f.to.end, sentence: f.to.sentence } : { ...f.to, name: `${f.to.name} ${f.from.name}` });
    named.set(key, doc);
    return { ...f, to: doc };
  });
  // any other relation of a generic document (not adopted, or proposed) names nothing a reader could find
  const adopted = new Set<Mention>(named.values());
  const unnamed = (m: Mention) => m.kind === "Document" && generic.has(at(m)) && !adopted.has(m);
  const kept = renamed.filter((f) => !unnamed(f.from) && !unnamed(f.to));
  return {
    mentions: [...mentions.filter((m) => !(m.kind === "Document" && generic.has(at(m)))), ...named.values()].sort((a, b) => a.start - b.start),
    facts: kept,
  };
}
