// Viewer benchmark: in headless Chromium, the time to first render of a synthetic
// 10,000-node / 30,000-edge graph, or of a real build's graph.json (`--graph FILE`), how long
// a search takes to show its suggestions, and how long the ego view of a node takes.
// `npm run bench:viewer [-- --graph FILE] [--runs N]` alone, or through `npm run bench`.
import { MultiDirectedGraph } from "graphology";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes, RelationType } from "../src/graph/types.ts";
import { foldDiacritics } from "../src/text/fold.ts";
import type { Page } from "playwright-core";
import { launchChromium } from "../test/helpers/viewer-browser.ts";
import { openViewer, startTestViewer } from "../test/helpers/viewer-server.ts";

export interface ViewerBenchOptions {
  nodes?: number;
  edges?: number;
  /** Page loads to time; the median is reported. */
  runs?: number;
  /** A real build's graph.json to time instead of the synthetic graph. */
  graph?: string;
}

export interface ViewerBenchResult {
  nodes: number;
  edges: number;
  firstRenderMs: number[];
  firstRenderMedianMs: number;
  /** When graph.json had been fetched and parsed (JSON). */
  graphParsedMs: number[];
  /** When graph.json had been fetched, parsed and imported (the rest is drawing). */
  graphLoadedMs: number[];
  searchMs: Array<{ query: string; ms: number }>;
  searchMedianMs: number;
  /** From the click on "Xem lân cận" to the frame that shows the ego view. */
  egoMs: number[];
  egoMedianMs: number;
}

/** A deterministic pseudo-random sequence (mulberry32), so every run draws the same graph. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"];
const GIVEN = ["Bình Minh", "Xuân Phúc", "Quốc Dũng", "Hùng Việt", "Thu Hà", "Minh Chính", "Văn Thành", "Thị Lan"];

/** A graph shaped like a large corpus: officials and meetings dominate, all positioned. */
export function syntheticViewerGraph(nodeCount: number, edgeCount: number): KnowledgeGraph {
  const random = seeded(37);
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
    requestAnimationFrame(() => resolve(performance.now() - started));
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The graph to time: a real build's graph.json, or the synthetic one written to a temporary folder. */
function benchGraph(options: ViewerBenchOptions, dir: string): { graph: KnowledgeGraph; path: string } {
  if (options.graph) {
    const graph: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
    graph.import(JSON.parse(readFileSync(options.graph, "utf8")));
    return { graph, path: options.graph };
  }
  const path = join(dir, "graph.json");
  const graph = syntheticViewerGraph(options.nodes ?? 10_000, options.edges ?? 30_000);
  writeFileSync(path, JSON.stringify(graph.export()));
  return { graph, path };
}

export async function benchViewer(options: ViewerBenchOptions = {}): Promise<ViewerBenchResult> {
  const runs = options.runs ?? 3;
  const dir = mkdtempSync(join(tmpdir(), "diplograph-bench-viewer-"));
  const { graph, path: graphPath } = benchGraph(options, dir);
  const [nodes, edges] = [graph.order, graph.size];
  // A name of each kind to search for: one ending in 9 on the synthetic graph, the
  // best-connected on a real one (the names a reader would look for first).
  const nodeOfKind = (kind: NodeAttributes["kind"]): string => {
    if (!options.graph) return graph.findNode((_key, attributes) => attributes.kind === kind && attributes.label.endsWith("9")) ?? "";
    let best = "";
    graph.forEachNode((key, attributes) => {
      if (attributes.kind === kind && (!best || graph.degree(key) > graph.degree(best))) best = key;
    });
    return best;
  };
  const meeting = graph.getNodeAttribute(nodeOfKind("Meeting"), "label");
  const official = graph.getNodeAttribute(nodeOfKind("Official"), "label");
  const document = graph.getNodeAttribute(nodeOfKind("Document"), "label");
  const viewer = await startTestViewer(graphPath);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const firstRenderMs: number[] = [];
    const graphParsedMs: number[] = [];
    const graphLoadedMs: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await openViewer(page, viewer.url);
      await settled(page);
      // performance.now() counts from the navigation: fetch, parse, index and first frame.
      firstRenderMs.push(await page.evaluate(() => window.__diplograph?.firstRenderMs ?? Number.NaN));
      graphParsedMs.push(await page.evaluate(() => performance.getEntriesByName("diplograph:graph-parsed")[0]?.startTime ?? Number.NaN));
      graphLoadedMs.push(await page.evaluate(() => performance.getEntriesByName("diplograph:graph-loaded")[0]?.startTime ?? Number.NaN));
    }
    const searchMs: ViewerBenchResult["searchMs"] = [];
    // Typed without diacritics, as a hurried reader would; each must find its node.
    for (const [query, expected] of [
      [foldDiacritics(official), official],
      [foldDiacritics(meeting), meeting],
      [foldDiacritics(document), document],
      ...(options.graph
        ? []
        : ([
            ["nguyen", "Nguyễn"],
            ["to chuc", "Tổ chức"],
          ] as const)),
    ] as const) {
      await page.getByRole("combobox", { name: "Tìm kiếm" }).fill("");
      await settled(page);
      // Timed in the page: from the input event to the suggestion on screen (next frame).
      const ms = (await page.evaluate(timeSearchInPage(query, expected))) as number;
      searchMs.push({ query, ms });
    }
    // The ego view of the best-connected official, from a page that has it selected.
    const egoMs: number[] = [];
    const egoCentre = nodeOfKind("Official");
    for (let run = 0; run < runs; run += 1) {
      await openViewer(page, `${viewer.url}?node=${encodeURIComponent(egoCentre)}`);
      await page.getByTestId("ego-1").waitFor();
      await settled(page);
      egoMs.push((await page.evaluate(TIME_EGO_IN_PAGE)) as number);
    }
    const result: ViewerBenchResult = {
      nodes,
      edges,
      firstRenderMs,
      firstRenderMedianMs: median(firstRenderMs),
      graphParsedMs,
      graphLoadedMs,
      searchMs,
      searchMedianMs: median(searchMs.map((search) => search.ms)),
      egoMs,
      egoMedianMs: median(egoMs),
    };
    console.log(`viewer: ${options.graph ? `graph.json of a build, ${options.graph}` : "synthetic graph"} of ${nodes} nodes / ${edges} edges, headless Chromium (SwiftShader WebGL)`);
    console.log(`  first render: median ${result.firstRenderMedianMs.toFixed(0)} ms (runs: ${firstRenderMs.map((ms) => ms.toFixed(0)).join(", ")} ms; target ≤ 2000 ms → ${(result.firstRenderMedianMs / 2000).toFixed(2)}× the budget)`);
    console.log(`  of which graph.json fetched, parsed and imported: median ${median(graphLoadedMs).toFixed(0)} ms (fetched and parsed: ${median(graphParsedMs).toFixed(0)} ms); the rest is sigma's first frame`);
    for (const search of searchMs) console.log(`  search "${search.query}": ${search.ms.toFixed(0)} ms to suggestions on screen`);
    console.log(`  search: median ${result.searchMedianMs.toFixed(0)} ms (input event to suggestions on screen, timed in the page)`);
    console.log(`  ego view of ${egoCentre}: median ${result.egoMedianMs.toFixed(0)} ms (runs: ${egoMs.map((ms) => ms.toFixed(0)).join(", ")} ms; click to the frame that shows it)`);
    return result;
  } finally {
    await browser.close();
    await viewer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { graph: { type: "string" }, runs: { type: "string" } } });
  await benchViewer({ graph: values.graph, runs: values.runs ? Number(values.runs) : undefined });
}
