// Load benchmark: the batched loader against a naive one-statement-per-row loader on a
// seeded synthetic graph of ≥ 100,000 relationships, and the time of a second (idempotent) load.
// `npm run bench:load` runs it alone; scripts/bench.ts calls benchLoad().
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, RelationType, SerializedKnowledgeGraph } from "../src/graph/types.ts";
import { identifier, WIPE_STATEMENT } from "../src/neo4j/cypher.ts";
import { closeDrivers, connectionSettings, loadPlan, planLoad, withSession } from "../src/neo4j/index.ts";
import type { ConnectionSettings, LoadPlan } from "../src/neo4j/index.ts";
import { localServerConfig } from "./neo4j/server.ts";

/** mulberry32: a tiny seeded generator, so that every run loads the same graph. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  /** Relationships in graph.json (MENTIONED_IN from `articles` comes on top). */
  relationships: number;
  seed?: number;
}

/** A graph with the contract's shape and Vietnamese-looking names; same options, same graph. */
export function syntheticGraph({ relationships, seed = 42 }: SyntheticOptions): SerializedKnowledgeGraph {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const g = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  g.replaceAttributes({ name: "synthetic", contract: 1, generator: "bench-load" });
  const scale = Math.max(1, Math.round(relationships / 10));
  const counts = { article: Math.max(2, Math.round(scale / 50)), country: 50, official: scale, meeting: Math.round(scale / 2), document: Math.round(scale / 2) };
  const article = (i: number) => `bai-${String(i).padStart(5, "0")}`;
  const mention = (label: string) => {
    const a = article(pick(counts.article));
    return { articles: [a], mentions: [{ article: a, sentence: pick(40), start: pick(2000), end: 2000 + label.length }] };
  };
  for (let i = 0; i < counts.article; i++) {
    const title = `Hội nghị ASEAN: bài số ${i}`;
    g.addNode(`article:${article(i)}`, {
      kind: "Article", label: title, aliases: [], articles: [], mentions: [], title,
      published: "2021-06-17", publisher: "Tổ Quốc", file: `${article(i)}.txt`, sha256: "0".repeat(64),
      body: `${title}. Các Bộ trưởng Ngoại giao ASEAN đã thông qua tuyên bố chung.`,
    });
  }
  for (let i = 0; i < counts.country; i++) {
    const label = `Quốc gia ${i}`;
    g.addNode(`country:quoc-gia-${i}`, { kind: "Country", label, aliases: [`Country ${i}`], ...mention(label) });
  }
  for (let i = 0; i < counts.official; i++) {
    const label = `Nguyễn Văn ${i}`;
    g.addNode(`official:nguyen-van-${i}`, { kind: "Official", label, aliases: [], titles: ["Bộ trưởng Ngoại giao"], country: `country:quoc-gia-${i % counts.country}`, ...mention(label) });
  }
  for (let i = 0; i < counts.meeting; i++) {
    const label = `Hội nghị Bộ trưởng ASEAN lần thứ ${i}`;
    g.addNode(`meeting:hoi-nghi-${i}`, { kind: "Meeting", label, aliases: [], ordinal: i, date: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`, format: "online", ...mention(label) });
  }
  for (let i = 0; i < counts.document; i++) {
    const label = `Tuyên bố chung số ${i}`;
    g.addNode(`document:tuyen-bo-${i}`, { kind: "Document", label, aliases: [], docKind: "declaration", ...mention(label) });
  }

  const fact = (type: RelationType, source: string, target: string): boolean => {
    if (g.hasDirectedEdge(source, target) && g.directedEdges(source, target).some((e) => g.getEdgeAttribute(e, "type") === type)) return false;
    const a = article(pick(counts.article));
    const quote = `Câu ${pick(1000)} nêu ${type} từ ${source} đến ${target}.`;
    g.addDirectedEdge(source, target, { type, articles: [a], evidence: [{ article: a, sentence: pick(40), quote, start: 0, end: quote.length }], confidence: 0.9 });
    return true;
  };
  for (let i = 0; i < counts.official; i++) fact("OFFICIAL_OF", `official:nguyen-van-${i}`, `country:quoc-gia-${i % counts.country}`);
  for (let i = 0; i < counts.meeting; i++) fact("CHAIRED", `country:quoc-gia-${pick(counts.country)}`, `meeting:hoi-nghi-${i}`);
  for (let i = 0; i < counts.document; i++) {
    fact("ADOPTED", `meeting:hoi-nghi-${pick(counts.meeting)}`, `document:tuyen-bo-${i}`);
    fact("PROPOSED_BY", `document:tuyen-bo-${i}`, `country:quoc-gia-${pick(counts.country)}`);
  }
  while (g.size < relationships) fact("ATTENDED", `official:nguyen-van-${pick(counts.official)}`, `meeting:hoi-nghi-${pick(counts.meeting)}`);
  return g.export();
}

export interface LoadBenchResult {
  relationships: number;
  nodes: number;
  firstLoadSeconds: number;
  batchedRelationshipsPerSecond: number;
  naiveSample: number;
  naiveSampleSeconds: number;
  naiveRelationshipsPerSecond: number;
  speedup: number;
  secondLoadSeconds: number;
  secondLoadRatio: number;
  secondLoadCreated: number;
  /** Server CPU seconds of the first load, when the server is the local one. */
  firstLoadServerCpuSeconds?: number;
}

/**
 * CPU seconds the local server's JVM has used so far (Linux), or undefined when the bench
 * talks to another server. On a shared machine wall-clock rates depend on the neighbours;
 * relationships per server CPU second do much less.
 */
function serverCpuSeconds(): number | undefined {
  const pidFile = join(localServerConfig().home, "neo4j.pid");
  if (!existsSync(pidFile)) return undefined;
  const stat = `/proc/${readFileSync(pidFile, "utf8").trim()}/stat`;
  if (!existsSync(stat)) return undefined;
  const fields = readFileSync(stat, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function wipe(settings: ConnectionSettings): Promise<void> {
  await withSession(settings, "WRITE", async (session) => void (await session.run(WIPE_STATEMENT)));
}

/** The naive loader: one auto-commit statement per relationship, the way a first script would. */
async function naiveRelationships(settings: ConnectionSettings, plan: LoadPlan, sample: number): Promise<number> {
  let done = 0;
  await withSession(settings, "WRITE", async (session) => {
    for (const group of plan.relationships) {
      const statement =
        `MATCH (a:${identifier(group.sourceLabel)} {key: $source}) MATCH (b:${identifier(group.targetLabel)} {key: $target}) ` +
        `MERGE (a)-[r:${identifier(group.type)}]->(b) SET r = $props`;
      for (const row of group.rows) {
        if (done >= sample) return;
        await session.run(statement, row);
        done += 1;
      }
    }
  });
  return done;
}

export async function benchLoad(
  { relationships = 100_000, naiveSample = 5_000, settings = connectionSettings() } = {},
  log: (line: string) => void = (line) => console.log(line),
): Promise<LoadBenchResult> {
  const graph = syntheticGraph({ relationships });
  const plan = planLoad(graph, "synthetic");
  log(`load bench: synthetic graph, ${plan.nodeCount} nodes, ${plan.relationshipCount} relationships (incl. MENTIONED_IN), seed 42`);

  // Naive: the nodes are put in place batched (not timed), then a sample of relationships one statement each.
  await wipe(settings);
  await loadPlan(settings, { ...plan, relationships: [], relationshipCount: 0 });
  const started = performance.now();
  const naiveDone = await naiveRelationships(settings, plan, naiveSample);
  const naiveSampleSeconds = (performance.now() - started) / 1000;
  const naiveRate = naiveDone / naiveSampleSeconds;

  await wipe(settings);
  const cpuBefore = serverCpuSeconds();
  const first = await loadPlan(settings, plan);
  const cpuAfter = serverCpuSeconds();
  const second = await loadPlan(settings, plan);
  const result: LoadBenchResult = {
    relationships: plan.relationshipCount,
    nodes: plan.nodeCount,
    firstLoadSeconds: first.seconds,
    batchedRelationshipsPerSecond: plan.relationshipCount / first.seconds,
    naiveSample: naiveDone,
    naiveSampleSeconds,
    naiveRelationshipsPerSecond: naiveRate,
    speedup: plan.relationshipCount / first.seconds / naiveRate,
    secondLoadSeconds: second.seconds,
    secondLoadRatio: second.seconds / first.seconds,
    secondLoadCreated: second.nodesCreated + second.relationshipsCreated,
    ...(cpuBefore !== undefined && cpuAfter !== undefined ? { firstLoadServerCpuSeconds: cpuAfter - cpuBefore } : {}),
  };
  const f = (n: number) => Math.round(n).toLocaleString("en");
  log(`  batched first load:  ${result.firstLoadSeconds.toFixed(2)} s (nodes and relationships), ${f(result.batchedRelationshipsPerSecond)} rel/s   target ≥ 20,000`);
  if (result.firstLoadServerCpuSeconds !== undefined) {
    const cpu = result.firstLoadServerCpuSeconds;
    log(`  server CPU, first:   ${cpu.toFixed(2)} s, ${f(plan.relationshipCount / cpu)} rel per server CPU second`);
  }
  log(
    `  naive loader:        ${f(result.naiveRelationshipsPerSecond)} rel/s (measured on ${naiveDone} relationships in ${naiveSampleSeconds.toFixed(2)} s; ` +
      `extrapolated ${f(plan.relationshipCount / naiveRate)} s for all)`,
  );
  log(`  batched / naive:     ${result.speedup.toFixed(1)}×   target ≥ 20×`);
  log(`  second load:         ${result.secondLoadSeconds.toFixed(2)} s = ${result.secondLoadRatio.toFixed(2)}× the first, ${result.secondLoadCreated} created   target ≤ 1.5×`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await benchLoad();
  } finally {
    await closeDrivers();
  }
}
