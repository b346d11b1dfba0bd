// Resolution out of the order of articles (resolve.ts): records added in any order, each at its
// place in the order, then `settle`d, give the graph that adding them in order gives, byte for
// byte — first names, titles, dates, first evidence, facts whose end a later-added article
// mentions first, confidences folded in order. This is what lets a rebuild add an article filed
// in the middle of the corpus to the previous build's resolution (pipeline/resolution-cache.ts).
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/extract-article.ts";
import { loadLexicon } from "../../src/extract/lexicon.ts";
import { assembleGraph } from "../../src/graph/assemble.ts";
import { serializeGraph } from "../../src/graph/serialize.ts";
import { readFolder } from "../../src/ingest/read-folder.ts";
import type { Article } from "../../src/ingest/types.ts";
import { toRecord, type ArticleRecord } from "../../src/pipeline/article-record.ts";
import { Resolver } from "../../src/resolve/resolve.ts";
import { writeCorpus } from "../../scripts/synth-corpus.ts";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";

const lexicon = loadLexicon();
let articles: Article[] = [];
let records: ArticleRecord[] = [];

/** A dated one-paragraph article. */
const dated = (title: string, day: string, text: string) => `${title}\n\nPV| ${day} 10:00\n\n${text}\n`;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "diplograph-order-"));
  cpSync(join(PROJECT_ROOT, "graph/articles"), dir, { recursive: true });
  for (const set of ["unseen", "blind", "blind2", "blind3"]) cpSync(join(PROJECT_ROOT, "test/fixtures", set), join(dir, set), { recursive: true });
  writeCorpus(join(dir, "synth"), 120, 3);
  // an official named only in a fact of an early article and first mentioned later; the same
  // meeting dated, placed and titled differently in two articles; one title written two ways
  writeFileSync(join(dir, "a1.txt"), dated("Hội nghị", "10/05/2022", "Ngày 10/5/2022, Thứ trưởng Ngoại giao Lê Hoài Trung dự Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 97 tại Jakarta."));
  writeFileSync(join(dir, "z1.txt"), dated("Hội nghị", "11/05/2023", "Ngày 11/5/2023, Thứ trưởng Bộ Ngoại giao Lê Hoài Trung dự Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 97 tại Hà Nội."));
  writeFileSync(join(dir, "z2.txt"), dated("Hội nghị", "12/05/2023", "Ngày 12/5/2023, Thứ trưởng Lê Hoài Trung phát biểu tại Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 97 tại Bali."));
  ({ articles } = await readFolder(dir));
  records = articles.map((article) => toRecord(article, extractArticle(article, lexicon)));
  // in every fifth article, what its facts point to named only by the facts (loose, as the extractor
  // files a fact's end that is not among the article's mentions): such a fact is kept only if an
  // article before it mentions that end, so where an entity is first mentioned decides other articles' facts
  records.forEach((record, i) => {
    if (i % 5 !== 2) return;
    for (const f of record.facts) record.mentions[f.to]!.loose = true;
  });
}, 120_000);

/** The resolver after the records were added in `sequence` (indexes into the order of articles), each at its place; `settle`d unless told. */
function resolved(sequence: number[], settle = true): Resolver {
  const resolver = new Resolver(lexicon);
  for (const r of records) resolver.survey(r);
  const byArticle: ArticleRecord[] = [];
  for (const place of sequence) byArticle[resolver.add(records[place]!, place)] = records[place]!;
  if (settle) resolver.settle((article) => byArticle[article]!);
  return resolver;
}

const graphOf = (sequence: number[], settle = true) => serializeGraph(assembleGraph(articles, resolved(sequence, settle).finish(), lexicon, { layout: false }));

/** Each relation's confidence to the last bit, and how many facts wait for an end. */
function confidences(resolver: Resolver): Map<string, number> {
  return new Map([...resolver.state().relations].map(([key, r]) => [key, r.confidence]));
}

const waitingFacts = (resolver: Resolver) => [...resolver.state().waiting.values()].reduce((n, items) => n + items.length / 3, 0);

/** A seeded shuffle (mulberry32): the same order on every run. */
function shuffled(values: number[], seed: number): number[] {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("resolution out of the order of articles", () => {
  const inOrder = () => records.map((_, i) => i);

  it("gives the in-order graph when the records come reversed, shuffled, or with every seventh added last", () => {
    const reference = graphOf(inOrder());
    expect(records.length).toBeGreaterThan(130);
    expect(graphOf(inOrder().reverse())).toBe(reference);
    for (const seed of [1, 2, 3]) expect(graphOf(shuffled(inOrder(), seed)), `seed ${seed}`).toBe(reference);
    const seventh = (i: number) => i % 7 === 3;
    expect(graphOf([...inOrder().filter((i) => !seventh(i)), ...inOrder().filter(seventh)])).toBe(reference);
  });

  it("needs `settle` for that: facts that waited for an end an earlier article mentions, confidences folded again", () => {
    const reference = resolved(inOrder());
    const reversed = resolved(inOrder().reverse());
    expect(waitingFacts(reference)).toBeGreaterThan(0);
    expect(waitingFacts(reversed)).toBe(waitingFacts(reference));
    expect(confidences(reversed)).toEqual(confidences(reference));
    const unsettled = resolved(inOrder().reverse(), false);
    expect(waitingFacts(unsettled)).toBeLessThan(waitingFacts(reference));
    expect(confidences(unsettled).size).toBeLessThan(confidences(reference).size);
    expect([...confidences(unsettled)].some(([key, c]) => c !== confidences(reference).get(key))).toBe(true);
    expect(graphOf(inOrder().reverse(), false)).not.toBe(graphOf(inOrder()));
  });

  it("chooses what depends on the order by the articles' places: the first date and place, the titles in the order first written", () => {
    const at = (name: string) => articles.findIndex((a) => a.file === name);
    const [a1, z1, z2] = [at("a1.txt"), at("z1.txt"), at("z2.txt")];
    const others = inOrder().filter((i) => ![a1, z1, z2].includes(i));
    const late = graphOf([...others, z2, z1, a1]);
    expect(late).toBe(graphOf(inOrder()));
    const node = (key: string) => (JSON.parse(late) as { nodes: Array<{ key: string; attributes: Record<string, unknown> }> }).nodes.find((n) => n.key === key)?.attributes;
    const meeting = records[a1]!.mentions.find((m) => m.kind === "Meeting")!.key;
    expect(node(meeting)).toMatchObject({ date: "2022-05-10", place: "Jakarta" });
    expect(node("official:le-hoai-trung")?.titles).toEqual(["Thứ trưởng Ngoại giao", "Thứ trưởng Bộ Ngoại giao"]);
  });
});
