// Subgraph selection: filters, ego networks, meetings by date, and how they combine; on the
// fixture with every answer written out, then on the real sample graph against the answer key.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { selectSubgraph, SelectionError } from "../../src/export/index.ts";
import type { Selection } from "../../src/export/index.ts";
import { AmbiguousNameError, UnknownNameError } from "../../src/graph/search.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { foldName } from "../../src/text/fold.ts";
import { PROJECT_ROOT, sampleGraph } from "../helpers/sample-graph.ts";
import { A_ACC, A_JCM, A_SUMMIT, exportFixture } from "./export-fixture.ts";

const PBM = "official:pham-binh-minh";
const NXP = "official:nguyen-xuan-phuc";
const NASTY = "official:nasty";
const VN = "country:viet-nam";
const BN = "country:brunei";
const ASEAN = "organization:asean";
const ACC25 = "meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean";
const SUMMIT = "meeting:hoi-nghi-cap-cao-asean-37";
const PRESS = "meeting:hop-bao-ve-hoi-nghi-cap-cao-asean-37";
const JCM = "meeting:hoi-nghi-tham-van-chung-asean";
const HANOI = "document:tuyen-bo-ha-noi-2025";
const KHO = "document:kho-du-phong";
const art = (id: string) => `article:${id}`;
const facts = (...ids: string[]) => ids;
const FACTS_ONLY = ["Country", "Organization", "Official", "Meeting", "Document"] as const;

const sorted = (items: string[]) => [...items].sort();
const edgeIds = (g: KnowledgeGraph) => sorted(g.mapEdges((_e, a, s, t) => `${a.type} ${s} ${t}`));

describe("selectSubgraph on the fixture", () => {
  const graph = exportFixture();

  it.each<[string, Selection, string[], string[]]>([
    [
      "around Phạm Bình Minh, depth 1: his meeting, his country, his article",
      { around: { name: "Phạm Bình Minh" } },
      [PBM, ACC25, VN, art(A_ACC)],
      facts(`CHAIRED ${PBM} ${ACC25}`, `OFFICIAL_OF ${PBM} ${VN}`, `MENTIONED_IN ${PBM} ${art(A_ACC)}`, `MENTIONED_IN ${VN} ${art(A_ACC)}`, `MENTIONED_IN ${ACC25} ${art(A_ACC)}`),
    ],
    [
      "around pham binh minh, depth 2, no articles: through the meeting and the country, never through an article",
      { around: { name: "pham binh minh", depth: 2 }, kinds: FACTS_ONLY },
      [PBM, ACC25, VN, NASTY, SUMMIT, KHO],
      facts(`CHAIRED ${PBM} ${ACC25}`, `OFFICIAL_OF ${PBM} ${VN}`, `ATTENDED ${NASTY} ${ACC25}`, `CHAIRED ${VN} ${SUMMIT}`, `PROPOSED_BY ${KHO} ${VN}`),
    ],
    ["around him, CHAIRED only", { around: { name: "Phạm Bình Minh" }, relations: ["CHAIRED"] }, [PBM, ACC25], facts(`CHAIRED ${PBM} ${ACC25}`)],
    ["depth 0 is the node alone", { around: { name: "Phạm Bình Minh", depth: 0 } }, [PBM], []],
    [
      "kinds Official and Meeting",
      { kinds: ["Official", "Meeting"] },
      [PBM, NXP, NASTY, ACC25, SUMMIT, PRESS, JCM],
      facts(`CHAIRED ${PBM} ${ACC25}`, `ATTENDED ${NXP} ${SUMMIT}`, `ATTENDED ${NASTY} ${ACC25}`),
    ],
    [
      "article 002 (JCM) only",
      { articles: [A_JCM] },
      [VN, BN, ASEAN, JCM, art(A_JCM)],
      facts(`CHAIRED ${BN} ${JCM}`, `ATTENDED ${ASEAN} ${JCM}`, ...[VN, BN, ASEAN, JCM].map((n) => `MENTIONED_IN ${n} ${art(A_JCM)}`)),
    ],
    [
      "12–13 Nov 2020: the summit (held 12–15) and what hangs on it, not the press briefing of the 9th",
      { from: "2020-11-10", to: "2020-11-13" },
      [SUMMIT, VN, NXP, HANOI, art(A_SUMMIT)],
      facts(`CHAIRED ${VN} ${SUMMIT}`, `ATTENDED ${NXP} ${SUMMIT}`, `ADOPTED ${SUMMIT} ${HANOI}`, ...[SUMMIT, VN, NXP, HANOI].map((n) => `MENTIONED_IN ${n} ${art(A_SUMMIT)}`)),
    ],
    [
      "the year 2020, no articles: ACC 25, the summit and its briefing",
      { from: "2020", to: "2020", kinds: FACTS_ONLY },
      [ACC25, SUMMIT, PRESS, PBM, NASTY, VN, NXP, HANOI],
      facts(`CHAIRED ${PBM} ${ACC25}`, `ATTENDED ${NASTY} ${ACC25}`, `CHAIRED ${VN} ${SUMMIT}`, `ATTENDED ${NXP} ${SUMMIT}`, `ADOPTED ${SUMMIT} ${HANOI}`, `OFFICIAL_OF ${PBM} ${VN}`),
    ],
    ["from 2021, open end", { from: "2021-01-01", kinds: FACTS_ONLY }, [JCM, BN, ASEAN], facts(`CHAIRED ${BN} ${JCM}`, `ATTENDED ${ASEAN} ${JCM}`)],
    [
      "around and dates together: the intersection",
      { around: { name: "Việt Nam" }, from: "2020-11", to: "2020-11", kinds: FACTS_ONLY },
      [VN, SUMMIT],
      facts(`CHAIRED ${VN} ${SUMMIT}`),
    ],
  ])("%s", (_title, selection, nodes, edges) => {
    const result = selectSubgraph(graph, selection);
    expect(sorted(result.nodes())).toEqual(sorted(nodes));
    expect(edgeIds(result)).toEqual(sorted(edges));
  });

  it("without a selection: everything, with a MENTIONED_IN edge per (node, article)", () => {
    const result = selectSubgraph(graph);
    expect(result.order).toBe(graph.order);
    expect(result.size).toBe(graph.size + 16);
    expect(result.getEdgeAttributes(`MENTIONED_IN:${PBM}->${art(A_ACC)}`).evidence[0]?.quote).toBe("Ngày 9/4");
  });

  it("mentionLinks: false adds no edge", () => {
    expect(selectSubgraph(graph, { mentionLinks: false }).size).toBe(graph.size);
  });

  it("keeps the original order and attributes, and leaves the graph untouched", () => {
    const result = selectSubgraph(graph, { kinds: ["Meeting"] });
    expect(result.nodes()).toEqual(graph.filterNodes((_n, a) => a.kind === "Meeting"));
    expect(result.getNodeAttributes(SUMMIT)).toEqual(graph.getNodeAttributes(SUMMIT));
    expect(result.getAttributes()).toEqual(graph.getAttributes());
    expect(graph.size).toBe(9);
  });

  it.each<[string, Selection, string]>([
    ["an unknown kind", { kinds: ["Place" as never] }, SelectionError.name],
    ["an unknown relation", { relations: ["KNOWS" as never] }, SelectionError.name],
    ["a date that is not one", { from: "2020-13" }, SelectionError.name],
    ["from after to", { from: "2021", to: "2020" }, SelectionError.name],
    ["a negative depth", { around: { name: "Việt Nam", depth: -1 } }, SelectionError.name],
    ["a centre the kinds leave out", { around: { name: "Phạm Bình Minh" }, kinds: ["Meeting"] }, SelectionError.name],
    ["an unknown name", { around: { name: "Lý Quang Diệu" } }, UnknownNameError.name],
    ["an ambiguous name", { around: { name: "hội nghị" } }, AmbiguousNameError.name],
  ])("refuses %s", (_title, selection, name) => {
    expect(() => selectSubgraph(graph, selection)).toThrow(expect.objectContaining({ name }));
  });
});

interface GoldEntity {
  id: string;
  name: string;
  aliases: string[];
}
interface GoldRelation {
  type: string;
  from: string;
  to: string;
  required: boolean;
}
const gold = JSON.parse(readFileSync(join(PROJECT_ROOT, "test/fixtures/gold-seeds.json"), "utf8")) as { entities: GoldEntity[]; relations: GoldRelation[] };
const goldNames = (id: string) => {
  const entity = gold.entities.find((e) => e.id === id);
  return entity ? [entity.name, ...entity.aliases].map(foldName) : [];
};
/** The answer key's neighbours of an entity: [every neighbour, required-fact neighbours]. */
function goldNeighbours(id: string): { all: string[]; required: string[] } {
  const around = gold.relations.filter((r) => r.from === id || r.to === id);
  const other = (r: GoldRelation) => (r.from === id ? r.to : r.from);
  return { all: around.map(other), required: around.filter((r) => r.required).map(other) };
}
/** Which answer-key entity a node is: the one whose name or alias folds like its label or an alias. */
const goldIdOf = (graph: KnowledgeGraph, key: string, candidates: string[]) => {
  const names = [graph.getNodeAttribute(key, "label"), ...graph.getNodeAttribute(key, "aliases")].map(foldName);
  return candidates.find((id) => goldNames(id).some((n) => names.includes(n)));
};

describe("selectSubgraph on the sample graph (diplograph build graph/articles)", () => {
  const graph = MultiDirectedGraph.from(sampleGraph().graph) as KnowledgeGraph;

  it('--around "Phạm Bình Minh" --depth 1: him, the 25th ACC meeting he chaired (and spoke at), Việt Nam, article 001', () => {
    const result = selectSubgraph(graph, { around: { name: "Phạm Bình Minh", depth: 1 } });
    expect(sorted(result.nodes())).toEqual(sorted([PBM, "meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean", VN, art(A_ACC)]));
    expect(edgeIds(result)).toEqual(
      sorted([
        `CHAIRED ${PBM} meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean`,
        // "Phát biểu tại Hội nghị, Phó Thủ tướng … Phạm Bình Minh …"
        `ATTENDED ${PBM} meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean`,
        `OFFICIAL_OF ${PBM} ${VN}`,
        ...[PBM, "meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean", VN].map((n) => `MENTIONED_IN ${n} ${art(A_ACC)}`),
      ]),
    );
  });

  it('--around "hncc 37" --depth 1 --kinds (no Article): every required neighbour of the summit in the answer key, and only answer-key neighbours', () => {
    const result = selectSubgraph(graph, { around: { name: "hncc 37", depth: 1 }, kinds: FACTS_ONLY });
    const { all, required } = goldNeighbours("m:37");
    const found = result.nodes().filter((k) => k !== SUMMIT).map((k) => goldIdOf(result, k, all));
    expect(found).not.toContain(undefined);
    expect(found).toEqual(expect.arrayContaining([...new Set(required)]));
    expect(result.hasNode(SUMMIT)).toBe(true);
  });

  it("--from 2020-11 --to 2020-11: the summit and its press briefing are the only meetings", () => {
    const result = selectSubgraph(graph, { from: "2020-11", to: "2020-11", kinds: FACTS_ONLY });
    const meetings = result.filterNodes((_k, a) => a.kind === "Meeting");
    expect(sorted(meetings.map((k) => goldIdOf(result, k, ["m:37", "m:press37"]) ?? k))).toEqual(["m:37", "m:press37"]);
  });
});
