// Shared by the export tests: a small graph in the shape of the sample articles (names and
// facts from the answer key, test/fixtures/gold-seeds.json) plus one node and one fact whose
// text holds every character an export could break on; and readers that compare exports.
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes, RelationType } from "../../src/graph/types.ts";
import { columnsOf, conform, flatEdge, flatNode } from "../../src/export/index.ts";
import type { FlatRecord, FlatValue } from "../../src/export/index.ts";

export const A_SUMMIT = "000_4239434da843aca9";
export const A_ACC = "001_e970c5ff869cd3a7";
export const A_JCM = "002_fcf32e649116f6ed";

/** Quotes, markup characters, backslashes (also before a quote and at the end), newlines, tab, emoji, Vietnamese. */
export const NASTY = `Ngô "Bảo" O'Neil <b>&amp;</b> \\ C:\\path\\"x\\ dòng 1\ndòng 2\ttab 😀🇻🇳 Đặng Thị Ưng ; | , [1] {k: 'v'} \\`;

function addArticle(g: KnowledgeGraph, id: string, title: string, published: string | null, body: string) {
  g.addNode(`article:${id}`, {
    kind: "Article",
    label: title,
    aliases: [],
    articles: [id],
    mentions: [],
    title,
    published,
    publisher: "ICTVietnam",
    file: `${id}.txt`,
    sha256: "0".repeat(64),
    body,
    color: "#9c755f",
    size: 3,
    x: 10.5,
    y: -3.25,
  });
}

/** A node's attributes as the fixture gives them: aliases optional, mentions made from `articles`. */
type NodeInput = NodeAttributes extends unknown ? (NodeAttributes extends infer T ? (T extends NodeAttributes ? Omit<T, "aliases" | "mentions"> & { aliases?: string[] } : never) : never) : never;

/** The fixture: 3 articles, 5 countries/people/organisations, 3 meetings, 2 documents, 9 facts. */
export function exportFixture(nasty = NASTY): KnowledgeGraph {
  const g: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  g.replaceAttributes({ name: "export fixture", contract: 1, generator: "test" });
  const accBody = `Ngày 9/4, Hội nghị lần thứ 25 Hội đồng Điều phối ASEAN (ACC) được tổ chức trực tuyến.\n\nPhạm Bình Minh đã chủ trì Hội nghị. ${nasty}`;
  addArticle(g, A_SUMMIT, "Hội nghị ASEAN 37: Nơi hội tụ sức mạnh đoàn kết", "2020-11-16", "Hội nghị cấp cao ASEAN lần thứ 37 do Việt Nam làm Chủ tịch.");
  addArticle(g, A_ACC, "Việt Nam đề xuất nhiều sáng kiến", "2020-04-10", accBody);
  addArticle(g, A_JCM, "Các nước ASEAN thống nhất thúc đẩy sáng kiến", null, "Ngày 17/6, ASEAN tổ chức Hội nghị tham vấn chung ASEAN (JCM) dưới sự chủ trì của Brunei.");
  const node = (key: string, attributes: NodeInput) =>
    g.addNode(key, {
      aliases: [],
      mentions: attributes.articles.map((article) => ({ article, sentence: 0, start: 0, end: 8 })),
      color: "#4e79a7",
      size: 4,
      x: key.length * 1.5,
      y: -key.length,
      ...attributes,
    } as NodeAttributes);
  node("country:viet-nam", { kind: "Country", label: "Việt Nam", aliases: ["Vietnam", "Viet Nam"], articles: [A_SUMMIT, A_ACC, A_JCM], iso: "VN" });
  node("country:brunei", { kind: "Country", label: "Brunei", aliases: ["Brunei Darussalam"], articles: [A_JCM], iso: "BN" });
  node("organization:asean", { kind: "Organization", label: "ASEAN", aliases: ["Hiệp hội các quốc gia Đông Nam Á"], articles: [A_SUMMIT, A_ACC, A_JCM] });
  node("official:pham-binh-minh", {
    kind: "Official",
    label: "Phạm Bình Minh",
    articles: [A_ACC],
    titles: ["Phó Thủ tướng", "Bộ trưởng Ngoại giao"],
    country: "country:viet-nam",
  });
  node("official:nguyen-xuan-phuc", { kind: "Official", label: "Nguyễn Xuân Phúc", articles: [A_SUMMIT], titles: ["Thủ tướng"], country: "country:viet-nam" });
  node("official:nasty", { kind: "Official", label: nasty, aliases: [nasty, "a|b;c¦d"], articles: [A_ACC], titles: [nasty], country: "country:viet-nam" });
  node("meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean", {
    kind: "Meeting",
    label: "Hội nghị lần thứ 25 Hội đồng Điều phối ASEAN",
    aliases: ["ACC 25"],
    articles: [A_ACC],
    date: "2020-04-09",
    ordinal: 25,
    format: "online",
  });
  node("meeting:hoi-nghi-cap-cao-asean-37", {
    kind: "Meeting",
    label: "Hội nghị cấp cao ASEAN lần thứ 37",
    aliases: ["HNCC ASEAN 37", "Hội nghị Cấp cao ASEAN 37"],
    articles: [A_SUMMIT],
    startDate: "2020-11-12",
    endDate: "2020-11-15",
    ordinal: 37,
    place: "Hà Nội",
    series: "ASEAN Summit",
  });
  node("meeting:hop-bao-ve-hoi-nghi-cap-cao-asean-37", {
    kind: "Meeting",
    label: "cuộc họp báo về Hội nghị Cấp cao ASEAN lần thứ 37",
    aliases: ["cuộc họp báo về Hội nghị Cấp cao (HNCC) ASEAN lần thứ 37"],
    articles: [A_SUMMIT],
    date: "2020-11-09",
  });
  node("meeting:hoi-nghi-tham-van-chung-asean", { kind: "Meeting", label: "Hội nghị tham vấn chung ASEAN", aliases: ["JCM"], articles: [A_JCM], date: "2021-06-17" });
  node("document:tuyen-bo-ha-noi-2025", { kind: "Document", label: "Tuyên bố Hà Nội về Tầm nhìn Cộng đồng ASEAN đến năm 2025", articles: [A_SUMMIT], docKind: "declaration" });
  node("document:kho-du-phong", { kind: "Document", label: "Kho dự phòng của khu vực", articles: [A_ACC], docKind: "initiative" });

  const fact = (type: RelationType, source: string, target: string, article: string, quote: string, confidence = 0.9) =>
    g.addDirectedEdgeWithKey(`${type}:${source}->${target}`, source, target, {
      type,
      label: type,
      articles: [article],
      evidence: [{ article, sentence: 1, quote, start: 3, end: 3 + quote.length }],
      confidence,
    });
  fact("CHAIRED", "official:pham-binh-minh", "meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean", A_ACC, "Phạm Bình Minh đã chủ trì Hội nghị.");
  fact("OFFICIAL_OF", "official:pham-binh-minh", "country:viet-nam", A_ACC, "Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh", 0.6);
  fact("CHAIRED", "country:viet-nam", "meeting:hoi-nghi-cap-cao-asean-37", A_SUMMIT, "do Việt Nam làm Chủ tịch", 1);
  fact("ATTENDED", "official:nguyen-xuan-phuc", "meeting:hoi-nghi-cap-cao-asean-37", A_SUMMIT, "Thủ tướng Nguyễn Xuân Phúc tham dự");
  fact("ADOPTED", "meeting:hoi-nghi-cap-cao-asean-37", "document:tuyen-bo-ha-noi-2025", A_SUMMIT, "thông qua Tuyên bố Hà Nội");
  fact("PROPOSED_BY", "document:kho-du-phong", "country:viet-nam", A_ACC, "các đề xuất của Việt Nam");
  fact("CHAIRED", "country:brunei", "meeting:hoi-nghi-tham-van-chung-asean", A_JCM, "dưới sự chủ trì của Brunei");
  fact("ATTENDED", "organization:asean", "meeting:hoi-nghi-tham-van-chung-asean", A_JCM, "ASEAN tổ chức Hội nghị");
  fact("ATTENDED", "official:nasty", "meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean", A_ACC, nasty, 0.5);
  return g;
}

/** What an edge is, whatever the format calls its key. */
export const edgeId = (type: string, source: string, target: string) => `${type} ${source} -> ${target}`;

/** The flat properties every format must give back, by node key and by edge id, values in their column's type. */
export function expectedFlat(graph: KnowledgeGraph): { nodes: Map<string, FlatRecord>; edges: Map<string, FlatRecord> } {
  const conformAll = (records: FlatRecord[]) => {
    const columns = new Map(columnsOf(records).map((c) => [c.name, c]));
    return records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, conform(v, columns.get(k)!)])) as FlatRecord);
  };
  const nodeRecords = conformAll(graph.mapNodes((key, a) => flatNode(key, a)));
  const edgeRecords = conformAll(graph.mapEdges((_k, a) => flatEdge(a)));
  return {
    nodes: new Map(graph.mapNodes((key, _a) => key).map((key, i) => [key, nodeRecords[i]!])),
    edges: new Map(graph.mapEdges((_k, a, s, t) => edgeId(a.type, s, t)).map((id, i) => [id, edgeRecords[i]!])),
  };
}

/** A value read back as text where a list was written as JSON text (GEXF, GraphML): decoded when a list is expected. */
export function decodeLike(expected: FlatValue | undefined, actual: unknown): unknown {
  return Array.isArray(expected) && typeof actual === "string" ? JSON.parse(actual) : actual;
}
