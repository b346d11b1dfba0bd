// `diplograph eval`'s scorer against the published reference scorer (copied to
// test/fixtures/reference-score.mjs): same JSON on hand-made graphs, each also checked for
// the figure it is about, and on random damage done to a graph that matches the full answer key.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreGraph } from "../../src/eval/score.ts";
import type { EvalReport, GoldKey } from "../../src/eval/types.ts";
import type { SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import { foldName } from "../../src/text/fold.ts";
import { norm, score as referenceScore } from "../fixtures/reference-score.mjs";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";
import { A1, A2, FixtureGraph, perfectSmallGraph, SMALL_GOLD } from "./eval-graphs.ts";

const SEEDS: GoldKey = JSON.parse(readFileSync(join(PROJECT_ROOT, "test/fixtures/gold-seeds.json"), "utf8")) as GoldKey;

interface Case {
  name: string;
  graph: () => SerializedKnowledgeGraph;
  /** What this case is about, checked on our report (agreement alone could hide a shared mistake). */
  check: (r: EvalReport) => void;
}

const CASES: Case[] = [
  {
    name: "empty graph: nothing found, everything required missed",
    graph: () => new FixtureGraph().export(),
    check: (r) => {
      expect(r.entities).toMatchObject({ tp: 0, fp: 0, fn: 9, precision: 0, recall: 0, f1: 0 });
      expect(r.relations).toMatchObject({ tp: 0, fn: 5, evidence: 0 });
      expect(r.dates).toBe("0/3");
      expect(r.roles).toEqual({ countries: "0/2", titles: "0/3" });
    },
  },
  {
    name: "exact matches: every figure perfect",
    graph: () => perfectSmallGraph().export(),
    check: (r) => {
      expect(r.entities).toMatchObject({ tp: 9, fp: 0, fn: 0, f1: 1 });
      expect(r.relations).toMatchObject({ tp: 5, fp: 0, fn: 0, f1: 1, evidence: 1 });
      expect(r.mentions.f1).toBe(1);
      expect(r.roles).toEqual({ countries: "2/2", titles: "3/3" });
      expect(r.dates).toBe("3/3");
    },
  },
  {
    name: "a second node for one entity is a duplicate and a false positive",
    graph: () => perfectSmallGraph().node("country:vietnam", { kind: "Country", label: "Vietnam" }).export(),
    check: (r) => {
      expect(r.duplicates).toEqual(["Vietnam ~ Việt Nam"]);
      expect(r.entities.fp).toBe(1);
    },
  },
  {
    name: "numbers that differ never match (ASEAN 36 is not ASEAN 37)",
    graph: () =>
      new FixtureGraph()
        .node("meeting:38", { kind: "Meeting", label: "Hội nghị Cấp cao ASEAN lần thứ 38" })
        .node("meeting:37", { kind: "Meeting", label: "HNCC ASEAN lần thứ 37" })
        .export(),
    check: (r) => {
      expect(r.unmatched).toEqual(["Meeting: Hội nghị Cấp cao ASEAN lần thứ 38"]);
      expect(r.entities.tp).toBe(1);
    },
  },
  {
    name: "a match needs a similarity of 0.8 (5 of 8 syllables is not enough, 6 of 8 is)",
    graph: () =>
      new FixtureGraph()
        .node("meeting:a", { kind: "Meeting", label: "Diễn đàn ASEAN Hợp tác" })
        .node("meeting:b", { kind: "Meeting", label: "Diễn đàn ASEAN về Hợp tác" })
        .export(),
    check: (r) => {
      expect(r.unmatched).toEqual(["Meeting: Diễn đàn ASEAN Hợp tác"]);
      expect(r.entities.tp).toBe(1);
    },
  },
  {
    name: "on a tie the required entity wins over an optional one",
    graph: () => new FixtureGraph().node("org:asean", { kind: "Organization", label: "ASEAN" }).export(),
    check: (r) => expect(r.entities).toMatchObject({ tp: 1, fp: 0, fn: 8 }),
  },
  {
    name: "an optional entity counts neither way, nor do its relations",
    graph: () =>
      perfectSmallGraph()
        .node("org:iai", { kind: "Organization", label: "Nhóm Đặc trách IAI" })
        .edge("document:ke-hoach", "PROPOSED_BY", "country:viet-nam")
        .export(),
    check: (r) => {
      expect(r.entities).toMatchObject({ tp: 9, fp: 0 });
      expect(r.relations).toMatchObject({ tp: 5, fp: 0 });
    },
  },
  {
    name: "a right name with the wrong kind is a kind error and a false positive",
    graph: () =>
      new FixtureGraph()
        .node("org:viet-nam", { kind: "Organization", label: "Việt Nam" })
        .node("doc:dien-dan", { kind: "Document", label: "Diễn đàn ASEAN về Hợp tác tiểu vùng" })
        .export(),
    check: (r) => {
      expect(r.kindErrors).toEqual(["Việt Nam is Organization, answer key says Country (Việt Nam)"]);
      // altKinds: the forum may also be a Document
      expect(r.entities.tp).toBe(1);
    },
  },
  {
    name: "page furniture names are counted as furniture hits",
    graph: () =>
      new FixtureGraph()
        .node("official:le-thi-hoa", { kind: "Official", label: "Lê Thị Hoa", titles: [] })
        .node("org:dung-bo-lo", { kind: "Organization", label: "ĐỪNG BỎ LỠ" })
        .node("org:asean", { kind: "Organization", label: "ASEAN" })
        .export(),
    check: (r) => {
      expect(r.negativeHits).toEqual(["Lê Thị Hoa", "ĐỪNG BỎ LỠ"]);
      expect(r.unmatched).toHaveLength(2);
    },
  },
  {
    name: "officials: country by attribute or OFFICIAL_OF edge; each title contained in one of the titles",
    graph: () =>
      new FixtureGraph()
        .node("country:viet-nam", { kind: "Country", label: "Việt Nam" })
        .node("country:campuchia", { kind: "Country", label: "Campuchia" })
        .node("official:a", { kind: "Official", label: "Trần Thanh Tùng", titles: ["Phó Thủ tướng"], country: "country:campuchia" })
        .node("official:b", { kind: "Official", label: "Hun Sokha", titles: ["Thủ tướng Campuchia"] })
        .edge("official:b", "OFFICIAL_OF", "country:campuchia")
        .export(),
    check: (r) => {
      expect(r.roles).toEqual({ countries: "1/2", titles: "2/3" });
      expect(r.roleErrors).toEqual(["Trần Thanh Tùng not linked to Việt Nam", "Trần Thanh Tùng lacks title Bộ trưởng Ngoại giao"]);
    },
  },
  {
    name: "dates: meeting date or startDate, Article nodes keyed by id or article:<id>",
    graph: () =>
      new FixtureGraph()
        .node("meeting:36", { kind: "Meeting", label: "HNCC ASEAN 36", startDate: "2020-06-26T09:00" })
        .node("meeting:37", { kind: "Meeting", label: "Hội nghị Cấp cao ASEAN 37", date: "2020-11-13" })
        .node(A1, { kind: "Article", label: "bài 1", published: "2020-11-12" })
        .export(),
    check: (r) => {
      expect(r.dates).toBe("2/3");
      expect(r.dateErrors).toEqual(["Hội nghị Cấp cao ASEAN lần thứ 37: want 2020-11-12, got 2020-11-13"]);
    },
  },
  {
    name: "a relation to an unmatched node is a false fact named by the node's label",
    graph: () =>
      perfectSmallGraph()
        .node("meeting:la", { kind: "Meeting", label: "Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 52" })
        .edge("country:viet-nam", "ATTENDED", "meeting:la")
        .edge("country:campuchia", "MENTIONED_IN", `article:${A1}`)
        .export(),
    check: (r) => {
      expect(r.wrongRelations).toEqual(["Việt Nam -ATTENDED-> Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 52"]);
      expect(r.relations.fp).toBe(1);
    },
  },
  {
    name: "evidence in the wrong article lowers the evidence share, not the relation score",
    graph: () =>
      new FixtureGraph()
        .node("country:viet-nam", { kind: "Country", label: "Việt Nam" })
        .node("meeting:37", { kind: "Meeting", label: "Hội nghị Cấp cao ASEAN lần thứ 37" })
        .edge("country:viet-nam", "CHAIRED", "meeting:37", A2)
        .export(),
    check: (r) => {
      expect(r.relations).toMatchObject({ tp: 1, evidence: 0 });
      expect(r.mentionErrors).toEqual([]);
    },
  },
  {
    name: "mentions in articles the answer key does not list",
    graph: () => new FixtureGraph().node("country:campuchia", { kind: "Country", label: "Cambodia", articles: [A1, A2] }).export(),
    check: (r) => {
      expect(r.mentions).toMatchObject({ tp: 1, fp: 1 });
      expect(r.mentionErrors).toEqual([`Campuchia is not in ${A2}`]);
    },
  },
];

describe("scoreGraph agrees with the reference scorer", () => {
  it.each(CASES)("$name", ({ graph, check }) => {
    const exported = graph();
    const ours = scoreGraph(SMALL_GOLD, exported);
    expect(ours).toEqual(referenceScore(SMALL_GOLD, exported));
    check(ours);
  });

  it("gives every figure 1 on a graph made from the full answer key", () => {
    const exported = graphFromGold(SEEDS).export();
    const ours = scoreGraph(SEEDS, exported);
    expect(ours).toEqual(referenceScore(SEEDS, exported));
    expect([ours.entities.f1, ours.relations.f1, ours.relations.evidence, ours.mentions.f1]).toEqual([1, 1, 1, 1]);
    expect(ours.roles).toEqual({ countries: "4/4", titles: "5/5" });
    expect(ours.dates).toBe("12/12");
  });

  it("agrees on random damage to that graph (nodes dropped, renamed, re-kinded; edges dropped)", () => {
    const kinds = ["Country", "Organization", "Official", "Meeting", "Document"] as const;
    const damage = fc.array(
      fc.record({
        entity: fc.nat(),
        action: fc.constantFrom("drop", "rename", "renumber", "rekind", "duplicate", "unlink"),
        kind: fc.constantFrom(...kinds),
      }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(damage, (changes) => {
        const exported = damagedGraph(SEEDS, changes).export();
        expect(scoreGraph(SEEDS, exported)).toEqual(referenceScore(SEEDS, exported));
      }),
      // The reference scorer takes about two seconds per graph of this size: few runs, fixed seed.
      { seed: 20201112, numRuns: 6 },
    );
  }, 120_000);
});

describe("foldName is the reference scorer's norm", () => {
  const samples = [
    "Hội nghị Cấp cao ASEAN lần thứ 37",
    "HNCC ASEAN 37",
    "Các Tuyên bố của LHQ",
    "ASEAN +3",
    "Bộ Lao động–Thương binh và Xã hội",
    "Kết luận số 59-KL/TW",
    "ĐỪNG BỎ LỠ!",
    "  những   cuộc  họp  ",
  ];
  it.each(samples)("%s", (s) => expect(foldName(s)).toBe(norm(s)));

  it("on any Vietnamese-like text", () => {
    const piece = fc.constantFrom(
      "Hội", "nghị", "lần thứ ", "HNCC", "LHQ", "các ", "những ", "cuộc ", "Đ", "đ", "Ð", "+", " + ", "/", "-", "–", "—", "−", "(", ")", "37", " ", "  ", "ASEAN", "ủy", "uỷ", "hoà", "\u0301", ".", ",", "\t",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 12 }), (parts) => {
        const s = parts.join("");
        expect(foldName(s)).toBe(norm(s));
      }),
      { seed: 37, numRuns: 500 },
    );
  });
});

/** A graph holding every entity of an answer key under its own name, and every fact right. */
function graphFromGold(gold: GoldKey): FixtureGraph {
  const g = new FixtureGraph();
  const roleOf = new Map((gold.roles ?? []).map((r) => [r.official, r]));
  for (const e of gold.entities) {
    const role = roleOf.get(e.id);
    g.node(e.id, {
      kind: e.kind as "Country",
      label: e.name,
      aliases: e.aliases,
      articles: e.articles,
      ...(e.attrs?.date ? { date: e.attrs.date } : {}),
      ...(e.attrs?.startDate ? { startDate: e.attrs.startDate } : {}),
      ...(role ? { titles: role.titles, country: role.country } : {}),
    });
  }
  for (const a of gold.articles) g.node(`article:${a.id}`, { kind: "Article", label: a.title, published: a.published });
  for (const r of gold.relations) g.edge(r.from, r.type as "CHAIRED", r.to, r.article);
  return g;
}

interface Change {
  entity: number;
  action: "drop" | "rename" | "renumber" | "rekind" | "duplicate" | "unlink";
  kind: string;
}

/** graphFromGold with some entities damaged; edges touching a dropped node go with it. */
function damagedGraph(gold: GoldKey, changes: Change[]): FixtureGraph {
  const g = graphFromGold(gold);
  for (const { entity, action, kind } of changes) {
    const e = gold.entities[entity % gold.entities.length];
    if (!e || !g.graph.hasNode(e.id)) continue;
    const attrs = g.graph.getNodeAttributes(e.id);
    if (action === "drop") g.graph.dropNode(e.id);
    else if (action === "rename") g.graph.mergeNodeAttributes(e.id, { label: `${attrs.label} mới`, aliases: [] });
    else if (action === "renumber") g.graph.mergeNodeAttributes(e.id, { label: `${attrs.label} 99`, aliases: [] });
    else if (action === "rekind") g.graph.mergeNodeAttributes(e.id, { kind: kind as "Country" });
    else if (action === "duplicate" && !g.graph.hasNode(`${e.id}#2`)) g.node(`${e.id}#2`, { ...attrs, articles: [A2] });
    else if (action === "unlink") for (const edge of g.graph.outEdges(e.id)) g.graph.dropEdge(edge);
  }
  return g;
}
