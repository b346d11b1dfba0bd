// A small hand-made graph in the shape of the sample articles (names and facts from the
// answer key, test/fixtures/gold-seeds.json), for the Neo4j tests that do not need the build.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, RelationType, SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import { toPlain, withSession } from "../../src/neo4j/index.ts";
import type { ConnectionSettings, PlainValue } from "../../src/neo4j/index.ts";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";

const A_JCM = "002_fcf32e649116f6ed";
const A_ACC = "001_e970c5ff869cd3a7";
const A_SUMMIT = "000_4239434da843aca9";

function base<K extends NodeAttributes["kind"]>(kind: K, label: string, articles: string[]) {
  return { kind, label, aliases: [] as string[], articles, mentions: articles.map((article) => ({ article, sentence: 1, start: 0, end: label.length })) };
}

export function fixtureGraph(): SerializedKnowledgeGraph {
  const g = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  g.replaceAttributes({ name: "fixture", contract: 1, generator: "test" });
  for (const [id, title, published] of [
    [A_SUMMIT, "Hội nghị ASEAN 37: Nơi hội tụ sức mạnh đoàn kết", "2020-11-16"],
    [A_ACC, "Việt Nam đề xuất nhiều sáng kiến thúc đẩy ASEAN thích ứng trong chống COVID-19", "2020-04-10"],
    [A_JCM, "Các nước ASEAN thống nhất thúc đẩy sáng kiến, ưu tiên của năm 2021", null],
  ] as const) {
    g.addNode(`article:${id}`, {
      kind: "Article",
      label: title,
      aliases: [],
      articles: [],
      mentions: [],
      title,
      published,
      publisher: "ICTVietnam",
      file: `${id}.txt`,
      sha256: "0".repeat(64),
      body: `${title}. Nội dung bài báo.`,
    });
  }
  g.addNode("country:viet-nam", { ...base("Country", "Việt Nam", [A_SUMMIT, A_ACC, A_JCM]), iso: "VN", aliases: ["Vietnam", "Viet Nam"] });
  g.addNode("country:brunei", { ...base("Country", "Brunei", [A_JCM]), iso: "BN", aliases: ["Brunei Darussalam"] });
  g.addNode("official:pham-binh-minh", {
    ...base("Official", "Phạm Bình Minh", [A_ACC]),
    titles: ["Phó Thủ tướng", "Bộ trưởng Ngoại giao"],
    country: "country:viet-nam",
  });
  g.addNode("official:nguyen-quoc-dung", {
    ...base("Official", "Nguyễn Quốc Dũng", [A_JCM]),
    titles: ["Thứ trưởng Ngoại giao"],
    country: "country:viet-nam",
  });
  g.addNode("official:nguyen-xuan-phuc", { ...base("Official", "Nguyễn Xuân Phúc", [A_SUMMIT]), titles: ["Thủ tướng"], country: "country:viet-nam" });
  g.addNode("meeting:hoi-nghi-tham-van-chung-asean", {
    ...base("Meeting", "Hội nghị tham vấn chung ASEAN", [A_JCM]),
    date: "2021-06-17",
    format: "online",
    aliases: ["JCM"],
  });
  g.addNode("meeting:hoi-nghi-hoi-dong-dieu-phoi-asean-25", {
    ...base("Meeting", "Hội nghị Hội đồng Điều phối ASEAN lần thứ 25", [A_ACC]),
    date: "2020-04-09",
    ordinal: 25,
    aliases: ["ACC 25"],
  });
  g.addNode("meeting:hoi-nghi-cap-cao-asean-37", {
    ...base("Meeting", "Hội nghị Cấp cao ASEAN lần thứ 37", [A_SUMMIT]),
    startDate: "2020-11-12",
    endDate: "2020-11-15",
    ordinal: 37,
    place: "Hà Nội",
    series: "ASEAN Summit",
  });
  g.addNode("document:tuyen-bo-ha-noi-tam-nhin-cong-dong-asean-2025", {
    ...base("Document", "Tuyên bố Hà Nội về Tầm nhìn Cộng đồng ASEAN đến năm 2025", [A_SUMMIT]),
    docKind: "declaration",
  });
  g.addNode("document:ke-hoach-hanh-dong-asean-lien-hop-quoc-2021-2025", {
    ...base("Document", "Kế hoạch hành động ASEAN - Liên Hợp Quốc giai đoạn 2021-2025", [A_SUMMIT]),
    docKind: "plan",
  });
  g.addNode("document:kho-du-phong-khu-vuc", { ...base("Document", "Kho dự phòng của khu vực", [A_ACC]), docKind: "initiative" });
  g.addNode("organization:asean", { ...base("Organization", "ASEAN", [A_SUMMIT, A_ACC, A_JCM]), aliases: ["Hiệp hội các quốc gia Đông Nam Á"] });

  const fact = (type: RelationType, source: string, target: string, article: string, quote: string) =>
    g.addDirectedEdge(source, target, {
      type,
      articles: [article],
      evidence: [{ article, sentence: 3, quote, start: 10, end: 10 + quote.length }],
      confidence: 0.9,
      label: type,
    });
  fact("CHAIRED", "country:brunei", "meeting:hoi-nghi-tham-van-chung-asean", A_JCM, "dưới sự chủ trì của nước Chủ tịch 2021 Brunei");
  fact("ATTENDED", "official:nguyen-quoc-dung", "meeting:hoi-nghi-tham-van-chung-asean", A_JCM, "Nguyễn Quốc Dũng dẫn đầu đoàn đại biểu Việt Nam tham dự Hội nghị");
  fact("ATTENDED", "country:viet-nam", "meeting:hoi-nghi-tham-van-chung-asean", A_JCM, "dẫn đầu đoàn đại biểu Việt Nam tham dự Hội nghị");
  fact("CHAIRED", "official:pham-binh-minh", "meeting:hoi-nghi-hoi-dong-dieu-phoi-asean-25", A_ACC, "Phạm Bình Minh, Chủ tịch Hội đồng Điều phối ASEAN đã chủ trì Hội nghị");
  fact("ATTENDED", "official:pham-binh-minh", "meeting:hoi-nghi-tham-van-chung-asean", A_JCM, "Phạm Bình Minh tham dự Hội nghị");
  fact("CHAIRED", "country:viet-nam", "meeting:hoi-nghi-cap-cao-asean-37", A_SUMMIT, "Hội nghị cấp cao ASEAN lần thứ 37 do Việt Nam làm Chủ tịch");
  fact("ATTENDED", "official:nguyen-xuan-phuc", "meeting:hoi-nghi-cap-cao-asean-37", A_SUMMIT, "Thủ tướng Nguyễn Xuân Phúc khẳng định Hội nghị cấp cao ASEAN lần thứ 37");
  fact("ADOPTED", "meeting:hoi-nghi-cap-cao-asean-37", "document:tuyen-bo-ha-noi-tam-nhin-cong-dong-asean-2025", A_SUMMIT, "tuyên bố Hà Nội về Tầm nhìn Cộng đồng ASEAN đến năm 2025");
  fact("ADOPTED", "meeting:hoi-nghi-cap-cao-asean-37", "document:ke-hoach-hanh-dong-asean-lien-hop-quoc-2021-2025", A_SUMMIT, "được thông qua như: Kế hoạch hành động ASEAN - Liên Hợp Quốc giai đoạn 2021-2025");
  fact("PROPOSED_BY", "document:tuyen-bo-ha-noi-tam-nhin-cong-dong-asean-2025", "country:viet-nam", A_SUMMIT, "là đề xuất của Việt Nam");
  fact("PROPOSED_BY", "document:kho-du-phong-khu-vuc", "country:viet-nam", A_ACC, "các đề xuất của Việt Nam ... như: Hình thành kho dự phòng của khu vực");
  for (const official of ["official:pham-binh-minh", "official:nguyen-quoc-dung", "official:nguyen-xuan-phuc"]) {
    fact("OFFICIAL_OF", official, "country:viet-nam", g.getNodeAttribute(official, "articles")[0] ?? A_SUMMIT, "Việt Nam");
  }
  return g.export();
}

/** Everything in the database but the load's mark (`_DiplographLoad`) as sorted JSON lines: two loads are equal when these are. */
export async function databaseContents(settings: ConnectionSettings): Promise<{ nodes: string[]; relationships: string[] }> {
  const sorted = (value: PlainValue): PlainValue =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)]))
      : value;
  return withSession(settings, "READ", async (session) => {
    const nodes = await session.run("MATCH (n) WHERE NOT n:_DiplographLoad RETURN labels(n) AS labels, properties(n) AS props");
    const rels = await session.run("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.key AS source, b.key AS target, properties(r) AS props");
    const lines = (records: typeof nodes.records) =>
      records.map((record) => JSON.stringify(sorted(toPlain(record.toObject())))).sort();
    return { nodes: lines(nodes.records), relationships: lines(rels.records) };
  });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `diplograph ARGS` as a user would, through bin/diplograph.js. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(PROJECT_ROOT, "bin/diplograph.js"), ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** Writes a graph to a temporary graph.json and returns its path. */
export function writeGraphFile(graph: SerializedKnowledgeGraph, name = "graph.json"): string {
  const path = join(mkdtempSync(join(tmpdir(), "diplograph-neo4j-")), name);
  writeFileSync(path, JSON.stringify(graph));
  return path;
}
