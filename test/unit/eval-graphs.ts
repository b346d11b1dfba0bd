// Hand-made answer key and graphs for the eval tests: small, Vietnamese, invented names,
// each graph built with graphology from the contract types and exported as graph.json is.
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, NodeAttributes, RelationType, SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import type { GoldEntity, GoldKey } from "../../src/eval/types.ts";

export const A1 = "a1_hoi-nghi";
export const A2 = "a2_ban-tin";

const entity = (e: Partial<GoldEntity> & Pick<GoldEntity, "id" | "kind" | "name">): GoldEntity => ({
  aliases: [],
  articles: [A1],
  required: true,
  ...e,
});

export const SMALL_GOLD: GoldKey = {
  version: 1,
  articles: [
    { id: A1, title: "Khai mạc Hội nghị Cấp cao ASEAN lần thứ 37", published: "2020-11-12", publisher: "Báo Mẫu" },
    { id: A2, title: "Bản tin ngắn", published: null, publisher: null },
  ],
  entities: [
    entity({ id: "c:vn", kind: "Country", name: "Việt Nam", aliases: ["Vietnam", "Viet Nam"], articles: [A1, A2] }),
    entity({ id: "c:kh", kind: "Country", name: "Campuchia", aliases: ["Cambodia"] }),
    // Optional and listed first with the same alias: a node named "ASEAN" must still match the required one.
    entity({ id: "o:hiep-hoi", kind: "Organization", name: "Hiệp hội ASEAN", aliases: ["ASEAN"], required: false }),
    entity({ id: "o:asean", kind: "Organization", name: "ASEAN", articles: [A1, A2] }),
    entity({ id: "o:iai", kind: "Organization", name: "Nhóm đặc trách IAI", required: false }),
    entity({
      id: "p:ttt",
      kind: "Official",
      name: "Trần Thanh Tùng",
      attrs: { titles: ["Phó Thủ tướng", "Bộ trưởng Ngoại giao"], country: "c:vn" },
    }),
    entity({ id: "p:hs", kind: "Official", name: "Hun Sokha", attrs: { titles: ["Thủ tướng"], country: "c:kh" } }),
    entity({ id: "m:36", kind: "Meeting", name: "Hội nghị Cấp cao ASEAN lần thứ 36", attrs: { date: "2020-06-26" } }),
    entity({
      id: "m:37",
      kind: "Meeting",
      name: "Hội nghị Cấp cao ASEAN lần thứ 37",
      aliases: ["HNCC ASEAN 37"],
      attrs: { startDate: "2020-11-12", endDate: "2020-11-15" },
    }),
    entity({ id: "m:forum", kind: "Meeting", name: "Diễn đàn ASEAN về Hợp tác tiểu vùng", attrs: { altKinds: ["Document"] } }),
    entity({ id: "d:plan", kind: "Document", name: "Kế hoạch hành động ASEAN giai đoạn 2021-2025" }),
  ],
  relations: [
    { type: "CHAIRED", from: "c:vn", to: "m:37", article: A1, required: true },
    { type: "ATTENDED", from: "p:ttt", to: "m:37", article: A1, required: true },
    { type: "ATTENDED", from: "p:hs", to: "m:37", article: A1, required: true },
    { type: "ADOPTED", from: "m:37", to: "d:plan", article: A1, required: true },
    { type: "PROPOSED_BY", from: "d:plan", to: "c:vn", article: A1, required: false },
    { type: "PROPOSED_BY", from: "m:forum", to: "c:vn", article: A2, required: true },
  ],
  roles: [
    { official: "p:ttt", country: "c:vn", titles: ["Phó Thủ tướng", "Bộ trưởng Ngoại giao"] },
    { official: "p:hs", country: "c:kh", titles: ["Thủ tướng"] },
  ],
  negatives: ["Đừng bỏ lỡ", "Lê Thị Hoa"],
};

type NodeSpec = Partial<NodeAttributes> & { kind: NodeAttributes["kind"]; label: string } & Record<string, unknown>;

/** A graph under construction: add nodes and edges, then `export()` it as graph.json holds it. */
export class FixtureGraph {
  readonly graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();

  node(key: string, spec: NodeSpec): this {
    this.graph.addNode(key, { aliases: [], articles: [A1], mentions: [], ...spec } as NodeAttributes);
    return this;
  }

  edge(source: string, type: RelationType, target: string, article = A1): this {
    const evidence = [{ article, sentence: 0, quote: "…", start: 0, end: 1 }];
    this.graph.addEdge(source, target, { type, articles: [article], evidence, confidence: 0.9 });
    return this;
  }

  export(): SerializedKnowledgeGraph {
    return this.graph.export() as SerializedKnowledgeGraph;
  }
}

/** A graph that gets every required fact of SMALL_GOLD right. */
export function perfectSmallGraph(): FixtureGraph {
  return new FixtureGraph()
    .node("country:viet-nam", { kind: "Country", label: "Việt Nam", articles: [A1, A2] })
    .node("country:campuchia", { kind: "Country", label: "Campuchia" })
    .node("org:asean", { kind: "Organization", label: "ASEAN", articles: [A1, A2] })
    .node("official:tran-thanh-tung", {
      kind: "Official",
      label: "Trần Thanh Tùng",
      titles: ["Phó Thủ tướng", "Bộ trưởng Ngoại giao"],
      country: "country:viet-nam",
    })
    .node("official:hun-sokha", { kind: "Official", label: "Hun Sokha", titles: ["Thủ tướng Campuchia"] })
    .node("meeting:hncc-asean-36", { kind: "Meeting", label: "Hội nghị Cấp cao ASEAN 36", date: "2020-06-26" })
    .node("meeting:hncc-asean-37", { kind: "Meeting", label: "Hội nghị Cấp cao ASEAN lần thứ 37", startDate: "2020-11-12" })
    .node("meeting:dien-dan", { kind: "Meeting", label: "Diễn đàn ASEAN về Hợp tác tiểu vùng" })
    .node("document:ke-hoach", { kind: "Document", label: "Kế hoạch hành động ASEAN giai đoạn 2021-2025" })
    .node(`article:${A1}`, { kind: "Article", label: "Khai mạc", published: "2020-11-12" })
    .node(`article:${A2}`, { kind: "Article", label: "Bản tin", published: null })
    .edge("country:viet-nam", "CHAIRED", "meeting:hncc-asean-37")
    .edge("official:tran-thanh-tung", "ATTENDED", "meeting:hncc-asean-37")
    .edge("official:hun-sokha", "ATTENDED", "meeting:hncc-asean-37")
    .edge("official:hun-sokha", "OFFICIAL_OF", "country:campuchia")
    .edge("meeting:hncc-asean-37", "ADOPTED", "document:ke-hoach")
    .edge("meeting:dien-dan", "PROPOSED_BY", "country:viet-nam", A2);
}
