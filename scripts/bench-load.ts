// Load benchmark: the batched loader against a naive one-statement-per-row loader on a
// seeded synthetic graph of ≥ 100,000 relationships, and the time of a second (idempotent) load.
// `npm run bench:load` runs it alone; scripts/bench.ts calls benchLoad().
//
// With `-- --articles A --plus-articles B` (a corpus, and the same corpus with articles added), it
// takes the path a user takes: A is built into a scratch folder, B's new files are added to A's
// folder and it is rebuilt into the same --out (incremental: the picture is kept, so only the new
// and changed nodes differ), then `diplograph load` is measured end to end on the two graphs, each
// run a child process under /usr/bin/time: the online first load, a second load of the same graph,
// the incremental load of the rebuild on top, the saved queries' latency, `--bulk` of the first
// graph on the local server. `-- --graph A.json --plus B.json` measures the loads on two given
// graphs (two clean builds move every node: that was the bench before 2 Dec 18:00).
// `-- --queries-only [--base-queries DIR] [--runs N]` runs only the saved queries on the database
// already loaded at NEO4J_URI (nothing is wiped), alternated with DIR's versions of them when given
// (scripts/bench-saved-queries.ts).
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, RelationType, SerializedKnowledgeGraph } from "../src/graph/types.ts";
import { identifier, WIPE_STATEMENTS } from "../src/neo4j/cypher.ts";
import { closeDrivers, connectionSettings, loadPlan, planLoad, withSession } from "../src/neo4j/index.ts";
import type { ConnectionSettings, LoadPlan } from "../src/neo4j/index.ts";
import { benchSavedQueries, serverCpuSeconds } from "./bench-saved-queries.ts";
import { mulberry32 } from "./seeded-random.ts";


export interface SyntheticOptions {
  /** Relationships in graph.json (MENTIONED_IN from `articles` comes on top). */
  relationships: number;
  seed?: number;
}

/** A graph with the contract's shape and Vietnamese-looking names; same options, same graph. */
export function syntheticGraph({ relationships, seed = 42 }: SyntheticOptions): SerializedKnowledgeGraph {
  const next = mulberry32(seed); // every run loads the same graph
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
  // a small graph has fewer (official, meeting) pairs than asked for: stop instead of drawing forever
  for (let tries = 0; g.size < relationships; tries++) {
    if (tries > relationships * 100) throw new RangeError(`syntheticGraph: ${relationships} relationships need more nodes than ${counts.official} officials and ${counts.meeting} meetings`);
    fact("ATTENDED", `official:nguyen-van-${pick(counts.official)}`, `meeting:hoi-nghi-${pick(counts.meeting)}`);
  }
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

async function wipe(settings: ConnectionSettings): Promise<void> {
  await withSession(settings, "WRITE", async (session) => {
    for (const statement of WIPE_STATEMENTS) await session.run(statement);
  });
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

const PROJECT_ROOT = join(import.meta.dirname, "..");

interface TimedRun {
  stdout: string;
  stderr: string;
  wall: number;
  cpu: number;
  rssMb: number;
  serverCpu?: number;
}

/** `diplograph ARGS` in a child process under /usr/bin/time: wall, CPU (user + system, children included), peak RSS, and the local server's CPU meanwhile. */
function timedCli(args: string[]): TimedRun {
  const before = serverCpuSeconds();
  const run = spawnSync("/usr/bin/time", ["-f", "TIME %e %U %S %M", process.execPath, join(PROJECT_ROOT, "bin/diplograph.js"), ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  const after = serverCpuSeconds();
  const time = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !time) throw new Error(`diplograph ${args.join(" ")} failed (${run.status}): ${run.stderr.trim().split("\n").slice(-3).join(" | ")}`);
  const [wall, user, system, rss] = time.slice(1).map(Number) as [number, number, number, number];
  return { stdout: run.stdout.trim(), stderr: run.stderr, wall, cpu: user + system, rssMb: rss / 1024, ...(before !== undefined && after !== undefined && after >= before ? { serverCpu: after - before } : {}) };
}

/**
 * The two graphs a user has: A built into a scratch --out, then B's new files added to A's folder
 * and the folder rebuilt into the same --out. `build` builds A and returns its graph.json (the
 * file a user loads); `rebuild` adds the files and rebuilds, after A's loads, so that the load of
 * B finds the build's index of the same --out (graph-lines.json). A copy of A is kept for --bulk.
 */
function incrementalBuilds(articles: string, plusArticles: string, log: (line: string) => void) {
  const scratch = mkdtempSync(join(tmpdir(), "bench-load-build-"));
  const [corpus, out] = [join(scratch, "articles"), join(scratch, "out")];
  const graph = join(out, "graph.json");
  const copy = join(scratch, "first.json");
  return {
    scratch,
    graph,
    copy,
    build: () => {
      cpSync(articles, corpus, { recursive: true, preserveTimestamps: true });
      const first = timedCli(["build", corpus, "--out", out]);
      log(`  build of ${articles}: wall ${first.wall.toFixed(1)} s, CPU ${first.cpu.toFixed(1)} s`);
      copyFileSync(graph, copy);
    },
    rebuild: () => {
      const known = new Set(readdirSync(articles));
      const added = readdirSync(plusArticles).filter((name) => !known.has(name));
      for (const name of added) cpSync(join(plusArticles, name), join(corpus, name), { recursive: true, preserveTimestamps: true });
      const again = timedCli(["build", corpus, "--out", out]);
      const kept = /layout: the previous picture kept[^\n]*/.exec(again.stderr + again.stdout)?.[0] ?? "layout: NOT kept (a full layout moved every node)";
      const lines = /graph\.json: [^\n]*/.exec(again.stdout)?.[0] ?? "graph.json written whole";
      log(`  ${added.length} file(s) added, rebuilt into the same --out: wall ${again.wall.toFixed(1)} s, CPU ${again.cpu.toFixed(1)} s; ${kept}; ${lines}`);
    },
  };
}

const load = () => `load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`;

/**
 * `diplograph load` on real builds: online first load, second load, incremental load of `plus`,
 * --bulk, saved queries. `between` runs after the loads of `graph` (a rebuild that writes `plus`);
 * `bulkGraph` is the file --bulk loads first (default `graph`).
 */
export async function benchLoadBuilds(
  graph: string,
  plus: string,
  { online = true, bulk = true, settings = connectionSettings(), between = () => {}, bulkGraph = graph } = {},
  log: (line: string) => void = (line) => console.log(line),
): Promise<void> {
  const state = join(mkdtempSync(join(tmpdir(), "bench-load-")), "state.json");
  const f = (n: number) => Math.round(n).toLocaleString("en");
  const describe = (name: string, run: TimedRun) =>
    `  ${name.padEnd(26)} wall ${run.wall.toFixed(1).padStart(6)} s   CPU ${run.cpu.toFixed(1).padStart(5)} s   peak RSS ${f(run.rssMb).padStart(5)} MB` +
    (run.serverCpu !== undefined ? `   server CPU ${run.serverCpu.toFixed(1)} s` : "");
  const outside = (run: TimedRun) => {
    const m = /in ([\d.]+) s \(database ([\d.]+) s/.exec(run.stdout);
    return m ? `${((1 - Number(m[2]) / run.wall) * 100).toFixed(0)} % of the wall time outside the database (database ${m[2]} s of ${run.wall.toFixed(1)} s)` : "";
  };
  const relationships = (run: TimedRun) => Number(/([\d,]+) relationships/.exec(run.stdout)?.[1]?.replaceAll(",", "") ?? NaN);
  log(`load bench on builds: ${graph} then ${plus} (${load()})`);

  let rate = NaN;
  if (online) {
    await wipe(settings); // not timed: the first load is into an empty database
    const first = timedCli(["load", "--graph", graph, "--state", state]);
    rate = relationships(first) / first.wall;
    log(describe("online first load", first));
    log(`    ${f(relationships(first))} relationships: ${f(rate)} rel/s wall   target ≥ 12,000; ${outside(first)}   target ≤ 20 %`);
    if (first.serverCpu) log(`    ${f(relationships(first) / first.serverCpu)} rel per server CPU second`);
    const second = timedCli(["load", "--graph", graph, "--state", state]);
    log(describe("same graph again", second));
    log(`    ${/nodes \(.*?\)/.exec(second.stdout)?.[0]}, ${/relationships \(.*?\)/.exec(second.stdout)?.[0]}`);
    between();
    log(`  (${load()})`);
    const incremental = timedCli(["load", "--graph", plus, "--state", state]);
    log(describe("incremental, articles added", incremental));
    log(`    ${/nodes \(.*?\)/.exec(incremental.stdout)?.[0]}, ${/relationships \(.*?\)/.exec(incremental.stdout)?.[0]}   target ≤ 5 s; ${outside(incremental)}`);
    log(`    ${/reading graph\.json[^)]*\)?[^,]*/.exec(incremental.stdout)?.[0] ?? ""}`);
    log(`  saved queries on ${plus} (${load()}):`);
    await benchSavedQueries(settings, {}, log);
  }
  if (bulk) {
    if (!online) between();
    const imported = timedCli(["load", "--bulk", "--graph", bulkGraph, "--state", state]);
    log(describe("--bulk first load", imported));
    const bulkRate = relationships(imported) / imported.wall;
    log(`    ${/\(CSV .*\)/.exec(imported.stdout)?.[0]}`);
    log(`    ${f(bulkRate)} rel/s end to end` + (online ? ` = ${(bulkRate / rate).toFixed(2)}× the online load's rate   target ≥ 2×` : ""));
    const after = timedCli(["load", "--graph", plus, "--state", state]);
    log(describe("incremental after --bulk", after));
    log(`    ${/nodes \(.*?\)/.exec(after.stdout)?.[0]}, ${/relationships \(.*?\)/.exec(after.stdout)?.[0]}`);
  }
  log(`  (${load()})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      graph: { type: "string" },
      plus: { type: "string" },
      articles: { type: "string" },
      "plus-articles": { type: "string" },
      "no-bulk": { type: "boolean" },
      "bulk-only": { type: "boolean" },
      "queries-only": { type: "boolean" },
      "base-queries": { type: "string" },
      runs: { type: "string" },
    },
  });
  let scratch: string | undefined;
  try {
    const modes = { online: !values["bulk-only"], bulk: !values["no-bulk"] };
    if (values["queries-only"]) {
      const runs = Number(values.runs ?? 20);
      if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`--runs must be a whole number ≥ 1, not ${values.runs}`);
      console.log(`saved queries on the database at ${connectionSettings().uri}, ${runs} runs each after 2 warm-ups` + (values["base-queries"] ? `, alternated with ${values["base-queries"]}` : "") + ` (${load()})`);
      const same = await benchSavedQueries(connectionSettings(), { runs, ...(values["base-queries"] ? { baseDir: values["base-queries"] } : {}) }, (line) => console.log(line));
      console.log(`  (${load()})`);
      if (!same) process.exitCode = 1;
    } else if (values.articles && values["plus-articles"]) {
      console.log(`load bench: ${values.articles} built, loaded, then ${values["plus-articles"]}'s new files added, rebuilt incrementally and loaded (${load()})`);
      const builds = incrementalBuilds(values.articles, values["plus-articles"], (line) => console.log(line));
      scratch = builds.scratch;
      builds.build();
      await benchLoadBuilds(builds.graph, builds.graph, { ...modes, between: builds.rebuild, bulkGraph: builds.copy });
    } else if (values.graph && values.plus) await benchLoadBuilds(values.graph, values.plus, modes);
    else await benchLoad();
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    await closeDrivers();
  }
}
