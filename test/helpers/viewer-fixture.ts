// A small hand-made graph.json for the viewer's tests, written to the contract's types:
// a few real facts from the sample articles, plus one article whose text carries markup
// that must be shown as text and never run (the XSS case).
import { MultiDirectedGraph } from "graphology";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes, SerializedKnowledgeGraph } from "../../src/graph/types.ts";

/** Markup planted in an article and in an evidence sentence; a test checks it stays text. */
export const HOSTILE_MARKUP = `<script>window.__pwned = "script"</script><img src=x onerror="window.__pwned='img'">`;

const JCM_ARTICLE = "002_fcf32e649116f6ed";
const ACC_ARTICLE = "001_e970c5ff869cd3a7";
const HOSTILE_ARTICLE = "999_hostile";

const JCM_SENTENCE = "Ngày 17/6, ASEAN tổ chức Hội nghị tham vấn chung ASEAN (JCM) dưới sự chủ trì của nước Chủ tịch 2021 Brunei.";
const ACC_SENTENCE = "Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh, Chủ tịch Hội đồng Điều phối ASEAN đã chủ trì Hội nghị.";
const HOSTILE_SENTENCE = `Hội nghị giả định thông qua Tuyên bố thử nghiệm ${HOSTILE_MARKUP}.`;

function evidence(article: string, sentence: string): EdgeAttributes["evidence"][number] {
  return { article, sentence: 0, quote: sentence, start: 0, end: sentence.length };
}

/** The fixture as a graphology graph; positions are left out on purpose for `withLayout: false`. */
export function viewerFixtureGraph({ withLayout = true } = {}): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({ name: "viewer fixture", contract: 1, generator: "test" });
  const base = { aliases: [] as string[], mentions: [] };
  const nodes: Array<[string, NodeAttributes]> = [
    ["country:brunei", { ...base, kind: "Country", label: "Brunei", aliases: ["Brunei Darussalam"], articles: [JCM_ARTICLE], iso: "BN" }],
    ["country:viet-nam", { ...base, kind: "Country", label: "Việt Nam", aliases: ["Vietnam"], articles: [JCM_ARTICLE, ACC_ARTICLE], iso: "VN" }],
    ["organization:asean", { ...base, kind: "Organization", label: "ASEAN", articles: [JCM_ARTICLE, ACC_ARTICLE] }],
    ["official:pham-binh-minh", { ...base, kind: "Official", label: "Phạm Bình Minh", articles: [ACC_ARTICLE], titles: ["Phó Thủ tướng", "Bộ trưởng Ngoại giao"], country: "country:viet-nam" }],
    ["official:nguyen-quoc-dung", { ...base, kind: "Official", label: "Nguyễn Quốc Dũng", articles: [JCM_ARTICLE], titles: ["Thứ trưởng Ngoại giao"], country: "country:viet-nam" }],
    ["meeting:hoi-nghi-tham-van-chung-asean", { ...base, kind: "Meeting", label: "Hội nghị tham vấn chung ASEAN", aliases: ["JCM"], articles: [JCM_ARTICLE], date: "2021-06-17", format: "online" }],
    ["meeting:hoi-nghi-hoi-dong-dieu-phoi-asean-25", { ...base, kind: "Meeting", label: "Hội nghị lần thứ 25 Hội đồng Điều phối ASEAN", aliases: ["ACC 25"], articles: [ACC_ARTICLE], date: "2020-04-09", ordinal: 25, format: "online", place: "trực tuyến" }],
    ["meeting:hoi-nghi-gia-dinh", { ...base, kind: "Meeting", label: "Hội nghị giả định", articles: [HOSTILE_ARTICLE], date: "2022-01-05" }],
    ["document:tuyen-bo-thu-nghiem", { ...base, kind: "Document", label: `Tuyên bố thử nghiệm ${HOSTILE_MARKUP}`, articles: [HOSTILE_ARTICLE], docKind: "declaration" }],
    ["document:tam-nhin-asean-sau-2025", { ...base, kind: "Document", label: "Tầm nhìn ASEAN sau 2025", articles: [JCM_ARTICLE], docKind: "vision" }],
    [`article:${JCM_ARTICLE}`, { ...base, kind: "Article", label: "Các nước ASEAN thống nhất thúc đẩy sáng kiến, ưu tiên của năm 2021", articles: [JCM_ARTICLE], title: "Các nước ASEAN thống nhất thúc đẩy sáng kiến, ưu tiên của năm 2021", published: "2021-06-18", publisher: "Ngày Nay", file: `${JCM_ARTICLE}.txt`, sha256: "0".repeat(64), body: JCM_SENTENCE }],
    [`article:${ACC_ARTICLE}`, { ...base, kind: "Article", label: "Việt Nam đề xuất nhiều sáng kiến thúc đẩy ASEAN thích ứng trong chống COVID-19", articles: [ACC_ARTICLE], title: "Việt Nam đề xuất nhiều sáng kiến thúc đẩy ASEAN thích ứng trong chống COVID-19", published: "2020-04-10", publisher: "ICTVietnam", file: `${ACC_ARTICLE}.txt`, sha256: "1".repeat(64), body: ACC_SENTENCE }],
    [`article:${HOSTILE_ARTICLE}`, { ...base, kind: "Article", label: `Bài thử ${HOSTILE_MARKUP}`, articles: [HOSTILE_ARTICLE], title: `Bài thử ${HOSTILE_MARKUP}`, published: "2022-01-06", publisher: "Thử nghiệm", file: `${HOSTILE_ARTICLE}.html`, sha256: "2".repeat(64), body: HOSTILE_SENTENCE }],
  ];
  nodes.forEach(([key, attributes], index) => {
    const angle = (2 * Math.PI * index) / nodes.length;
    graph.addNode(key, withLayout ? { ...attributes, x: Math.cos(angle) * 10, y: Math.sin(angle) * 10 } : attributes);
  });
  const edges: Array<[string, EdgeAttributes["type"], string, string, string]> = [
    ["country:brunei", "CHAIRED", "meeting:hoi-nghi-tham-van-chung-asean", JCM_ARTICLE, JCM_SENTENCE],
    ["official:nguyen-quoc-dung", "ATTENDED", "meeting:hoi-nghi-tham-van-chung-asean", JCM_ARTICLE, "Thứ trưởng Ngoại giao, Trưởng SOM ASEAN Việt Nam Nguyễn Quốc Dũng dẫn đầu đoàn đại biểu Việt Nam tham dự Hội nghị."],
    ["official:nguyen-quoc-dung", "OFFICIAL_OF", "country:viet-nam", JCM_ARTICLE, "Thứ trưởng Ngoại giao, Trưởng SOM ASEAN Việt Nam Nguyễn Quốc Dũng dẫn đầu đoàn đại biểu Việt Nam tham dự Hội nghị."],
    ["official:pham-binh-minh", "CHAIRED", "meeting:hoi-nghi-hoi-dong-dieu-phoi-asean-25", ACC_ARTICLE, ACC_SENTENCE],
    ["official:pham-binh-minh", "OFFICIAL_OF", "country:viet-nam", ACC_ARTICLE, ACC_SENTENCE],
    ["meeting:hoi-nghi-tham-van-chung-asean", "ADOPTED", "document:tam-nhin-asean-sau-2025", JCM_ARTICLE, "Theo đó, các nước nhất trí với lộ trình xây dựng Tầm nhìn ASEAN sau 2025."],
    ["meeting:hoi-nghi-gia-dinh", "ADOPTED", "document:tuyen-bo-thu-nghiem", HOSTILE_ARTICLE, HOSTILE_SENTENCE],
    ["organization:asean", "ATTENDED", "meeting:hoi-nghi-tham-van-chung-asean", JCM_ARTICLE, JCM_SENTENCE],
    ["meeting:hoi-nghi-tham-van-chung-asean", "MENTIONED_IN", `article:${JCM_ARTICLE}`, JCM_ARTICLE, JCM_SENTENCE],
  ];
  for (const [source, type, target, article, sentence] of edges) {
    graph.addDirectedEdgeWithKey(`${type}:${source}->${target}`, source, target, {
      type,
      articles: [article],
      evidence: [evidence(article, sentence)],
      confidence: 0.9,
    });
  }
  return graph;
}

/** Writes the fixture as `graph.json` into a fresh temporary folder and returns its path. */
export function writeViewerFixture(options?: { withLayout?: boolean }): { path: string; graph: SerializedKnowledgeGraph } {
  const dir = mkdtempSync(join(tmpdir(), "diplograph-viewer-"));
  const path = join(dir, "graph.json");
  const graph = viewerFixtureGraph(options).export() as SerializedKnowledgeGraph;
  writeFileSync(path, JSON.stringify(graph));
  return { path, graph };
}
