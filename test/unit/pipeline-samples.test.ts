// The whole pipeline on the five sample articles, built through the command line as a user
// would and scored with the project's own `eval` rules: the bars of the extraction issue.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadGold, scoreGraph } from "../../src/eval/index.ts";
import type { ArticleAttributes, SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import { PROJECT_ROOT, sampleGraph } from "../helpers/sample-graph.ts";

const CLI = join(PROJECT_ROOT, "bin/diplograph.js");

function build(dir: string): { path: string; graph: SerializedKnowledgeGraph } {
  const out = mkdtempSync(join(tmpdir(), "diplograph-build-"));
  execFileSync(process.execPath, [CLI, "build", dir, "--out", out], { cwd: PROJECT_ROOT, stdio: "pipe" });
  const path = join(out, "graph.json");
  return { path, graph: JSON.parse(readFileSync(path, "utf8")) as SerializedKnowledgeGraph };
}

const fraction = (s: string) => s.split("/").map(Number) as [number, number];

describe.each([
  ["the sample articles", "test/fixtures/gold-seeds.json", () => sampleGraph()],
  ["the unseen-style fixtures", "test/fixtures/unseen-gold.json", () => build(join(PROJECT_ROOT, "test/fixtures/unseen"))],
])("pipeline on %s", async (_, goldFile, built) => {
  const gold = await loadGold(join(PROJECT_ROOT, goldFile));
  const { graph } = built();
  const report = scoreGraph(gold, graph);

  it("reaches relations precision and recall ≥ 0.90", () => {
    expect(report.relations.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.relations.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("reaches entities F1 ≥ 0.85 with no page furniture taken for an entity", () => {
    expect(report.entities.f1).toBeGreaterThanOrEqual(0.85);
    expect(report.negativeHits).toEqual([]);
  });

  it("gives every official its country and titles", () => {
    const [countries, officials] = fraction(report.roles.countries);
    const [titles, allTitles] = fraction(report.roles.titles);
    expect(countries).toBe(officials);
    expect(titles).toBe(allTitles);
  });

  it("dates all but at most one meeting and article", () => {
    const [ok, all] = fraction(report.dates);
    expect(ok).toBeGreaterThanOrEqual(all - 1);
  });

  it("gives every true relation evidence from its article", () => {
    expect(report.relations.evidence).toBe(1);
  });

  it("quotes evidence that is exactly the article text at its offsets", () => {
    const bodies = new Map(graph.nodes.filter((n) => n.attributes?.kind === "Article").map((n) => [(n.attributes as ArticleAttributes).articles[0]!, (n.attributes as ArticleAttributes).body]));
    let checked = 0;
    for (const edge of graph.edges) {
      for (const ev of edge.attributes!.evidence) {
        expect(bodies.get(ev.article)!.slice(ev.start, ev.end)).toBe(ev.quote);
        checked++;
      }
    }
    for (const node of graph.nodes) for (const m of node.attributes!.mentions) expect(m.end).toBeGreaterThan(m.start);
    expect(checked).toBeGreaterThan(20);
  });
});

// Articles colleagues wrote and annotated without reading the extraction code: harder pages (site
// headers and menus, two articles on a page, reports of several meetings, lists of foreign
// ministers, "Ông Huy", honorifics, digests). Scored relations F1 0.69 (test/fixtures/blind), 0.64
// (blind2) and 0.78 (blind3, written after the work on the first two) when first built; the floors
// keep what the general fixes that followed reached.
describe.each([
  ["blind", { precision: 0.95, recall: 0.95, entities: 0.95 }],
  ["blind2", { precision: 0.9, recall: 0.85, entities: 0.95 }],
  ["blind3", { precision: 0.85, recall: 0.75, entities: 0.9 }],
])("pipeline on the %s fixtures", async (set, floor) => {
  const gold = await loadGold(join(PROJECT_ROOT, `test/fixtures/${set}-gold.json`));
  const report = scoreGraph(gold, build(join(PROJECT_ROOT, `test/fixtures/${set}`)).graph);

  it(`keeps relations precision ≥ ${floor.precision} and recall ≥ ${floor.recall}`, () => {
    expect(report.relations.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(report.relations.recall).toBeGreaterThanOrEqual(floor.recall);
  });

  it(`keeps entities F1 ≥ ${floor.entities}, mentions F1 ≥ 0.85 and no page furniture taken for an entity`, () => {
    expect(report.entities.f1).toBeGreaterThanOrEqual(floor.entities);
    expect(report.mentions.f1).toBeGreaterThanOrEqual(0.85);
    expect(report.negativeHits).toEqual([]);
  });
});

describe("the build", () => {
  it("writes byte-identical graph.json for the same input", () => {
    const first = readFileSync(sampleGraph().path);
    const second = readFileSync(build(join(PROJECT_ROOT, "graph/articles")).path);
    expect(second.equals(first)).toBe(true);
  });

  it("derives keys from names, never from counters", () => {
    const keys = sampleGraph().graph.nodes.map((n) => n.key);
    expect(keys).toContain("meeting:hoi-nghi-cap-cao-asean-37");
    expect(keys).toContain("official:pham-binh-minh");
    expect(keys).toContain("article:000_4239434da843aca9");
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keeps the 36th and 37th summits apart and HNCC 37 with the 37th", () => {
    const meetings = sampleGraph().graph.nodes.filter((n) => n.attributes?.kind === "Meeting");
    const summit37 = meetings.filter((n) => /37/.test(n.attributes!.label) && /cấp cao/i.test(n.attributes!.label) && !/họp báo/.test(n.attributes!.label));
    expect(summit37).toHaveLength(1);
    expect(summit37[0]!.attributes!.aliases).toEqual(expect.arrayContaining(["HNCC ASEAN lần thứ 37"]));
    expect(summit37[0]!.attributes!.articles).toEqual(["000_4239434da843aca9", "003_b8323a25ea180b39"]);
    expect(meetings.some((n) => n.key === "meeting:hoi-nghi-cap-cao-asean-36")).toBe(true);
  });
});
