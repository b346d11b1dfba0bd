// Viewer benchmark, the four speed bars of issue 12, in headless Chromium (WebGL on
// SwiftShader: the machine has no GPU):
//   1. first render of a real build's graph: the 10,000-article synthetic corpus, built once
//      into bench-out/viewer/ (or `--graph FILE`), bar ≤ 2 s;
//   2. first render of a synthetic graph of 50,000 nodes and 200,000 edges, bar ≤ 2.5 s;
//   3. search, input event to the suggestions on screen, bar ≤ 50 ms: the first query typed
//      as soon as each load has drawn its first frame, then a few on the settled page;
//   4. ego view, click to the frame that shows it, bar ≤ 200 ms.
// Each prints its median, range and ratio to the bar, with the CPU time Chromium's processes
// spent (renderer, GPU process: from /proc) and the load average, because the machine is
// shared and wall clocks swing with the others' work. Figures are printed, never asserted.
// `npm run bench:viewer [-- --graph FILE] [--only build|synthetic] [--runs N] [--profile DIR]
// [--nodes N --edges M] [--web DIR]` (the synthetic graph's size, 50,000 / 200,000 by default;
// DIR: another build of the web bundle, `vite build --outDir DIR`, to compare two versions)
// alone, or through `npm run bench`. `--profile DIR` writes a V8 CPU profile of one more
// first render of each graph (open it in Chromium's DevTools) and prints where the time went.
import { spawnSync } from "node:child_process";
import { MultiDirectedGraph } from "graphology";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes, RelationType } from "../src/graph/types.ts";
import { foldDiacritics } from "../src/text/fold.ts";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../test/helpers/viewer-browser.ts";
import { openViewer, openViewerFirstFrame, startTestViewer } from "../test/helpers/viewer-server.ts";
import { cpuSince, descendantCpu, totalCpu } from "./process-cpu.ts";
import type { CpuByType } from "./process-cpu.ts";
import { writeCorpus } from "./synth-corpus.ts";
import { mulberry32 } from "./seeded-random.ts";

const ROOT = resolve(import.meta.dirname, "..");
/** Where the 10,000-article corpus and its build are kept between runs (git-ignored). */
const BUILD_DIR = join(ROOT, "bench-out/viewer");

/** The bars of issue 12, in milliseconds. */
export const BARS = { buildFirstRender: 2_000, syntheticFirstRender: 2_500, search: 50, ego: 200 } as const;

export interface ViewerBenchOptions {
  /** Page loads to time per graph; the median is reported. */
  runs?: number;
  /** A real build's graph.json; by default the 10,000-article corpus is built (once) and used. */
  graph?: string;
  /** Articles of the corpus built when no graph is given. */
  articles?: number;
  /** The synthetic graph's size. */
  nodes?: number;
  edges?: number;
  /** Only one of the two graphs. */
  only?: "build" | "synthetic";
  /** Folder for CPU profiles of a first render (one more load per graph, not timed). */
  profile?: string;
  /** A web bundle built elsewhere (another version), instead of web/dist. */
  web?: string;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export interface GraphBenchResult {
  name: string;
  nodes: number;
  edges: number;
  firstRenderMs: Spread;
  /** CPU of every Chromium process (renderer, GPU, browser…) from navigation to the first frame. */
  firstRenderCpuMs: Spread;
  firstRenderCpuByType: CpuByType;
  /** When the view graph had been fetched and decoded, and when it was a graphology graph. */
  graphParsedMs: Spread;
  graphLoadedMs: Spread;
  /** When sigma had indexed the graph and sent its first frame to the GPU. */
  sigmaCreatedMs: Spread;
  /** When the page held the whole graph (a large graph's edges are added after its first frame), and the CPU spent until then. */
  completeMs: Spread;
  completeCpuMs: Spread;
  /** The first query of each load, typed as soon as its first frame is drawn (the index may still be on its way). */
  firstSearch: Spread;
  /** Queries on the settled page after the last load. */
  searchMs: Array<{ query: string; ms: number }>;
  search: Spread;
  /** From the click on "Xem lân cận" to the frame that shows the ego view. */
  ego: Spread;
  egoCentre: string;
  egoNodes: number;
  loadAverage: [number, number];
}


const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"];
const GIVEN = ["Bình Minh", "Xuân Phúc", "Quốc Dũng", "Hùng Việt", "Thu Hà", "Minh Chính", "Văn Thành", "Thị Lan"];

/** A graph shaped like a large corpus: officials and meetings dominate, all positioned. */
export function syntheticViewerGraph(nodeCount: number, edgeCount: number): KnowledgeGraph {
  const random = mulberry32(37);
  const graph: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({ name: "synthetic", contract: 1, generator: "bench-viewer" });
  const articleCount = Math.max(1, Math.round(nodeCount / 50));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const articles = Array.from({ length: articleCount }, (_, i) => `syn_${String(i).padStart(5, "0")}`);
  const position = () => ({ x: (random() - 0.5) * 1000, y: (random() - 0.5) * 1000 });
  for (const id of articles) {
    const published = `20${String(10 + Math.floor(random() * 15))}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
    graph.addNode(`article:${id}`, { kind: "Article", label: `Bài báo ${id}`, aliases: [], articles: [id], mentions: [], title: `Bài báo ${id}`, published, publisher: "Synthetic", file: `${id}.txt`, sha256: "0".repeat(64), body: "…", ...position() });
  }
  const keys: string[] = [];
  for (let i = graph.order; i < nodeCount; i += 1) {
    const roll = random();
    const base = { aliases: [], articles: [pick(articles)], mentions: [], ...position() };
    let key: string;
    if (roll < 0.45) {
      key = `official:${i}`;
      graph.addNode(key, { ...base, kind: "Official", label: `${pick(FAMILY)} ${pick(GIVEN)} ${i}`, titles: ["Bộ trưởng"] });
    } else if (roll < 0.75) {
      key = `meeting:${i}`;
      graph.addNode(key, { ...base, kind: "Meeting", label: `Hội nghị Cấp cao ASEAN lần thứ ${i}`, ordinal: i });
    } else if (roll < 0.9) {
      key = `document:${i}`;
      graph.addNode(key, { ...base, kind: "Document", label: `Tuyên bố Hà Nội số ${i}` });
    } else if (roll < 0.97) {
      key = `organization:${i}`;
      graph.addNode(key, { ...base, kind: "Organization", label: `Tổ chức ${i}` });
    } else {
      key = `country:${i}`;
      graph.addNode(key, { ...base, kind: "Country", label: `Quốc gia ${i}` });
    }
    keys.push(key);
  }
  const types: RelationType[] = ["CHAIRED", "ATTENDED", "ATTENDED", "ADOPTED", "PROPOSED_BY", "OFFICIAL_OF"];
  for (let i = 0; i < edgeCount; i += 1) {
    const source = pick(keys);
    const target = pick(keys);
    const article = pick(articles);
    const quote = "Câu bằng chứng tổng hợp.";
    graph.addDirectedEdge(source, target, { type: pick(types), articles: [article], evidence: [{ article, sentence: 0, quote, start: 0, end: quote.length }], confidence: 0.8 });
  }
  return graph;
}


/**
 * In-page timing of one search: from the input event to the expected suggestion on screen
 * (the frame after it appears). A string, so that no build helper leaks into the page.
 */
function timeSearchInPage(query: string, expected: string): string {
  return `new Promise((resolve, reject) => {
    const input = document.querySelector("input[name=search]");
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    if (!input) return reject(new Error("bench-viewer: no search box"));
    const started = performance.now();
    const observer = new MutationObserver(function check() {
      const list = document.querySelector("[data-testid=suggestions]");
      if (list && list.textContent.includes(${JSON.stringify(expected)})) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - started));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    setValue.call(input, ${JSON.stringify(query)});
    input.dispatchEvent(new Event("input", { bubbles: true }));
  })`;
}

/** In-page timing of the ego view: from the click on its button to the next frame after the view changed. */
const TIME_EGO_IN_PAGE = `new Promise((resolve, reject) => {
  const button = document.querySelector("[data-testid=ego-1]");
  const app = document.querySelector("[data-testid=app]");
  if (!button || !app) return reject(new Error("bench-viewer: no ego button"));
  const before = app.getAttribute("data-visible-node-count");
  const started = performance.now();
  const observer = new MutationObserver(() => {
    if (app.getAttribute("data-visible-node-count") === before) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve([performance.now() - started, Number(app.getAttribute("data-visible-node-count"))]));
  });
  observer.observe(app, { attributes: true });
  button.click();
})`;

/** Waits until the page draws two frames in a row without a long task between them. */
async function settled(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const gap = await page.evaluate(
      () => new Promise<number>((resolve) => requestAnimationFrame((first) => requestAnimationFrame((second) => resolve(second - first)))),
    );
    if (gap < 50) return;
  }
}

function spread(runs: number[]): Spread {
  const sorted = [...runs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
  return { median, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, runs };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const describe = (s: Spread) => `median ${ms(s.median)} (${s.runs.map((run) => run.toFixed(0)).join(", ")})`;
const versus = (s: Spread, bar: number) => `bar ≤ ${ms(bar)}: ${(s.median / bar).toFixed(2)}× the bar, ${s.median <= bar ? "met" : "NOT met"}`;
const loadNow = () => loadavg()[0] ?? Number.NaN;

/** The 10,000-article build of the synthetic corpus, made once (the build reuses its records on a rerun). */
function builtGraph(articles: number): string {
  const corpus = join(BUILD_DIR, `corpus-${articles}`);
  const out = join(BUILD_DIR, `build-${articles}`);
  const graphPath = join(out, "graph.json");
  if (existsSync(graphPath)) return graphPath;
  console.log(`viewer bench: writing ${articles} synthetic articles (seed 1) and building them into ${out} (once; ≈ 1–2 min)…`);
  if (!existsSync(corpus)) writeCorpus(corpus, articles, 1);
  mkdirSync(out, { recursive: true });
  const build = spawnSync(process.execPath, [join(ROOT, "bin/diplograph.js"), "build", corpus, "--out", out], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0 || !existsSync(graphPath)) throw new Error(`bench-viewer: building ${corpus} failed (exit ${build.status})`);
  return graphPath;
}

function readGraph(path: string): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.import(JSON.parse(readFileSync(path, "utf8")));
  return graph;
}

/** The node of a kind a reader would look for first: the best connected. */
function bestConnected(graph: KnowledgeGraph, kind: NodeAttributes["kind"]): string {
  let best = "";
  graph.forEachNode((key, attributes) => {
    if (attributes.kind === kind && (!best || graph.degree(key) > graph.degree(best))) best = key;
  });
  return best;
}

/** Where the renderer's main thread spent a profile: the heaviest functions by self time. */
function summariseProfile(profile: { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>; samples: number[]; timeDeltas: number[] }): string[] {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = frames.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    if (!frame) return;
    const name = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").pop() ?? ""}:${frame.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + delta);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
  return [`profile: ${ms(total / 1000)} sampled`, ...top.map(([name, us]) => `    ${ms(us / 1000).padStart(8)}  ${name}`)];
}

async function profileFirstRender(page: Page, url: string, file: string): Promise<void> {
  await openViewer(page, url);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 250 });
  await cdp.send("Profiler.start");
  await page.reload();
  await page.waitForFunction(() => window.__diplograph?.sigma != null && window.__diplograph.firstRenderMs != null);
  const { profile } = await cdp.send("Profiler.stop");
  await cdp.detach();
  writeFileSync(file, JSON.stringify(profile));
  console.log(`  CPU profile of a first render: ${file}`);
  for (const line of summariseProfile(profile as Parameters<typeof summariseProfile>[0])) console.log(`  ${line}`);
}

interface GraphUnderTest {
  name: string;
  path: string;
  graph: KnowledgeGraph;
  bar: number;
  /** Searches typed without diacritics, each with the label it must find. */
  searches: Array<[query: string, expected: string]>;
}

async function benchGraph(browser: Browser, subject: GraphUnderTest, runs: number, profileDir: string | undefined, web: string | undefined): Promise<GraphBenchResult> {
  const { graph } = subject;
  const loadBefore = loadNow();
  const viewer = await startTestViewer(subject.path, undefined, web);
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  // A large graph on a loaded machine can take longer than playwright's 30 s default.
  page.setDefaultTimeout(180_000);
  try {
    // One load not timed: the server reads and slims graph.json on its first request.
    await openViewer(page, viewer.url);
    const firstRender: number[] = [];
    const firstRenderCpu: number[] = [];
    const cpuByType: CpuByType = new Map();
    const parsed: number[] = [];
    const loaded: number[] = [];
    const sigmaCreated: number[] = [];
    const complete: number[] = [];
    const completeCpu: number[] = [];
    const firstSearch: number[] = [];
    const [firstQuery, firstExpected] = subject.searches[0] ?? ["", ""];
    for (let run = 0; run < runs; run += 1) {
      await page.goto("about:blank");
      const before = descendantCpu();
      await openViewerFirstFrame(page, viewer.url);
      const spent = cpuSince(before, descendantCpu());
      // performance.now() counts from the navigation: fetch, decode, index and first frame.
      firstRender.push(await page.evaluate(() => window.__diplograph?.firstRenderMs ?? Number.NaN));
      firstRenderCpu.push(totalCpu(spent));
      for (const [type, cpu] of spent) cpuByType.set(type, (cpuByType.get(type) ?? 0) + cpu / runs);
      parsed.push(await page.evaluate(() => performance.getEntriesByName("diplograph:graph-parsed")[0]?.startTime ?? Number.NaN));
      loaded.push(await page.evaluate(() => performance.getEntriesByName("diplograph:graph-loaded")[0]?.startTime ?? Number.NaN));
      sigmaCreated.push(await page.evaluate(() => performance.getEntriesByName("diplograph:sigma-created")[0]?.startTime ?? Number.NaN));
      // The reader who types at once: the first query of the load, on the frame after the first
      // (while a large graph's edges are still being added).
      firstSearch.push((await page.evaluate(timeSearchInPage(firstQuery, firstExpected))) as number);
      // A bundle from before the whole graph was built after the first frame (`--web`, an A/B
      // run) has no `completeMs`: its graph was whole at its first frame.
      await page.waitForFunction(() => window.__diplograph?.completeMs != null || !("completeMs" in (window.__diplograph ?? {})));
      completeCpu.push(totalCpu(cpuSince(before, descendantCpu())));
      // A graph whole at load (a small one) is complete with its first frame.
      complete.push(await page.evaluate(() => Math.max(window.__diplograph?.completeMs ?? 0, window.__diplograph?.firstRenderMs ?? Number.NaN)));
    }
    await settled(page);
    const searchMs: GraphBenchResult["searchMs"] = [];
    for (const [query, expected] of subject.searches) {
      await page.getByRole("combobox", { name: "Tìm kiếm" }).fill("");
      await settled(page);
      searchMs.push({ query, ms: (await page.evaluate(timeSearchInPage(query, expected))) as number });
    }
    // The ego view of the best-connected official, from a page that has it selected.
    const egoCentre = bestConnected(graph, "Official");
    const ego: number[] = [];
    let egoNodes = 0;
    for (let run = 0; run < runs; run += 1) {
      await openViewer(page, `${viewer.url}?node=${encodeURIComponent(egoCentre)}`);
      await page.getByTestId("ego-1").waitFor();
      await settled(page);
      const [time, nodes] = (await page.evaluate(TIME_EGO_IN_PAGE)) as [number, number];
      ego.push(time);
      egoNodes = nodes;
    }
    const result: GraphBenchResult = {
      name: subject.name,
      nodes: graph.order,
      edges: graph.size,
      firstRenderMs: spread(firstRender),
      firstRenderCpuMs: spread(firstRenderCpu),
      firstRenderCpuByType: cpuByType,
      graphParsedMs: spread(parsed),
      graphLoadedMs: spread(loaded),
      sigmaCreatedMs: spread(sigmaCreated),
      completeMs: spread(complete),
      completeCpuMs: spread(completeCpu),
      firstSearch: spread(firstSearch),
      searchMs,
      search: spread(searchMs.map((search) => search.ms)),
      ego: spread(ego),
      egoCentre,
      egoNodes,
      loadAverage: [loadBefore, loadNow()],
    };
    report(result, subject.bar);
    if (profileDir) {
      mkdirSync(profileDir, { recursive: true });
      await profileFirstRender(page, viewer.url, join(profileDir, `${subject.name.replace(/\W+/g, "-")}-first-render.cpuprofile`));
    }
    return result;
  } finally {
    await page.close();
    await viewer.close();
  }
}

function report(result: GraphBenchResult, bar: number): void {
  const byType = [...result.firstRenderCpuByType].filter(([, cpu]) => cpu >= 5).map(([type, cpu]) => `${type} ${ms(cpu)}`).join(", ");
  console.log(`viewer: ${result.name}: ${result.nodes} nodes / ${result.edges} edges; load average ${result.loadAverage[0].toFixed(1)} → ${result.loadAverage[1].toFixed(1)} on ${cpus().length} shared cores`);
  console.log(`  first render: ${describe(result.firstRenderMs)}; ${versus(result.firstRenderMs, bar)}`);
  console.log(`    Chromium CPU per first render: ${describe(result.firstRenderCpuMs)} (mean by process: ${byType})`);
  console.log(
    `    view graph fetched and decoded at ${ms(result.graphParsedMs.median)}, a graphology graph at ${ms(result.graphLoadedMs.median)}, sigma made and its first frame sent to the GPU at ${ms(result.sigmaCreatedMs.median)} (medians); the rest is the GPU drawing it`,
  );
  console.log(`    the whole graph built (panels, hover, ego view ready) at ${describe(result.completeMs)}; Chromium CPU until then ${describe(result.completeCpuMs)} (the first query below included)`);
  console.log(`  search, the first query of each load as soon as it is drawn (input to suggestions on screen): ${describe(result.firstSearch)}; ${versus(result.firstSearch, BARS.search)}`);
  for (const search of result.searchMs) console.log(`  search "${search.query}": ${ms(search.ms)}`);
  console.log(`  search on the settled page (input to suggestions on screen): ${describe(result.search)}; ${versus(result.search, BARS.search)}`);
  console.log(`  ego view of ${result.egoCentre} (${result.egoNodes} nodes): ${describe(result.ego)}; ${versus(result.ego, BARS.ego)}`);
}

export async function benchViewer(options: ViewerBenchOptions = {}): Promise<GraphBenchResult[]> {
  const runs = options.runs ?? 3;
  const scratch = mkdtempSync(join(tmpdir(), "diplograph-bench-viewer-"));
  const subjects: Array<() => GraphUnderTest> = [];
  if (options.only !== "synthetic") {
    subjects.push(() => {
      const path = options.graph ?? builtGraph(options.articles ?? 10_000);
      const graph = readGraph(path);
      const label = (key: string) => graph.getNodeAttribute(key, "label");
      const names = (["Official", "Meeting", "Document"] as const).map((kind) => label(bestConnected(graph, kind)));
      return { name: options.graph ? `build ${options.graph}` : `build of ${options.articles ?? 10_000} synthetic articles`, path, graph, bar: BARS.buildFirstRender, searches: names.map((name) => [foldDiacritics(name), name]) };
    });
  }
  if (options.only !== "build") {
    subjects.push(() => {
      const [nodes, edges] = [options.nodes ?? 50_000, options.edges ?? 200_000];
      const graph = syntheticViewerGraph(nodes, edges);
      const path = join(scratch, "synthetic.json");
      writeFileSync(path, JSON.stringify(graph.export()));
      const ending9 = (kind: NodeAttributes["kind"]) => graph.getNodeAttribute(graph.findNode((_key, a) => a.kind === kind && a.label.endsWith("9")) ?? "", "label");
      const searches: GraphUnderTest["searches"] = [
        ...(["Official", "Meeting", "Document"] as const).map((kind): [string, string] => [foldDiacritics(ending9(kind)), ending9(kind)]),
        ["nguyen", "Nguyễn"],
        ["to chuc", "Tổ chức"],
      ];
      return { name: `synthetic ${nodes} nodes / ${edges} edges`, path, graph, bar: BARS.syntheticFirstRender, searches };
    });
  }
  const browser = await launchChromium();
  const results: GraphBenchResult[] = [];
  try {
    for (const subject of subjects) results.push(await benchGraph(browser, subject(), runs, options.profile, options.web));
  } finally {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      graph: { type: "string" },
      runs: { type: "string" },
      only: { type: "string" },
      profile: { type: "string" },
      articles: { type: "string" },
      nodes: { type: "string" },
      edges: { type: "string" },
      web: { type: "string" },
    },
  });
  if (values.only && values.only !== "build" && values.only !== "synthetic") throw new Error(`bench-viewer: --only takes build or synthetic, not "${values.only}"`);
  await benchViewer({
    graph: values.graph,
    runs: values.runs ? Number(values.runs) : undefined,
    only: values.only as ViewerBenchOptions["only"],
    profile: values.profile,
    articles: values.articles ? Number(values.articles) : undefined,
    nodes: values.nodes ? Number(values.nodes) : undefined,
    edges: values.edges ? Number(values.edges) : undefined,
    web: values.web,
  });
}
