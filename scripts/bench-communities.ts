// Communities benchmark: Louvain (web/src/communities.ts) on a graph.json as the viewer
// shows it first (articles hidden past 1,000 nodes), timed in Node step by step, then in
// headless Chromium from the click on the switch to the coloured frame, with the longest
// task the page's main thread ran meanwhile (what a reader would feel as a freeze).
// `npm run bench:communities -- --graph FILE [--runs N]`
import { MultiDirectedGraph } from "graphology";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes, SerializedKnowledgeGraph } from "../src/graph/types.ts";
import { contractEdgeKey } from "../src/server/view-graph.ts";
import { launchChromium } from "../test/helpers/viewer-browser.ts";
import { openViewer, startTestViewer } from "../test/helpers/viewer-server.ts";
import { colourCommunities, communityInput, detectCommunities, rankAssignment } from "../web/src/communities.ts";
import { NO_FILTERS, visibleElements } from "../web/src/filters.ts";

const { values } = parseArgs({ options: { graph: { type: "string" }, runs: { type: "string", default: "3" } } });
if (!values.graph) throw new Error("usage: npm run bench:communities -- --graph FILE [--runs N]");
const runs = Math.max(1, Number(values.runs));

const median = (items: number[]) => [...items].sort((a, b) => a - b)[Math.floor(items.length / 2)] ?? NaN;
const round = (ms: number) => Math.round(ms);

const data = JSON.parse(readFileSync(values.graph, "utf8")) as SerializedKnowledgeGraph;
for (const edge of data.edges) edge.key ??= contractEdgeKey(edge.attributes?.type, edge.source, edge.target);
const graph: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
graph.import(data);
const filters = graph.order > 1_000 ? { ...NO_FILTERS, hiddenKinds: new Set(["Article"] as const) } : NO_FILTERS;
const visibility = visibleElements(graph, filters);
console.log(`graph ${values.graph}: ${graph.order} nodes, ${graph.size} edges; shown first: ${visibility.nodes.size} nodes, ${visibility.edges.size} edges`);

const node = { input: [] as number[], louvain: [] as number[], louvainCpu: [] as number[], rank: [] as number[] };
let summary = "";
for (let run = 0; run < runs; run += 1) {
  const t0 = performance.now();
  const input = communityInput(graph, visibility);
  const t1 = performance.now();
  const cpu = process.cpuUsage();
  const assignment = detectCommunities(input);
  const t2 = performance.now();
  const used = process.cpuUsage(cpu);
  node.louvainCpu.push((used.user + used.system) / 1_000);
  const communities = colourCommunities(input, rankAssignment(input, assignment));
  const t3 = performance.now();
  node.input.push(t1 - t0);
  node.louvain.push(t2 - t1);
  node.rank.push(t3 - t2);
  summary = `${communities.ranked.length} communities of 2+ nodes, modularity ${communities.modularity.toFixed(3)}, largest ${communities.ranked[0]?.nodes.length ?? 0} nodes`;
}
console.log(`node: ${summary}`);
console.log(`node: input ${round(median(node.input))} ms, Louvain ${round(median(node.louvain))} ms wall (${node.louvain.map(round).join(", ")}), ${round(median(node.louvainCpu))} ms CPU (${node.louvainCpu.map(round).join(", ")}), ranking ${round(median(node.rank))} ms`);

const browser = await launchChromium();
const viewer = await startTestViewer(values.graph);
try {
  const clickToColours: number[] = [];
  const longestTask: number[] = [];
  const refreshTask: number[] = [];
  const steps = { input: [] as number[], worker: [] as number[], colours: [] as number[] };
  for (let run = 0; run < runs; run += 1) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
    // A large graph on a busy shared machine can take well over the helpers' 30 s to open.
    page.setDefaultTimeout(300_000);
    await openViewer(page, viewer.url);
    await page.evaluate(() => {
      const tasks: number[] = [];
      (window as unknown as { __tasks: number[] }).__tasks = tasks;
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: "longtask" });
    });
    await page.waitForTimeout(500);
    await page.evaluate(() => ((window as unknown as { __tasks: number[] }).__tasks.length = 0));
    const started = await page.evaluate(() => performance.now());
    await page.locator("input[name=communities]").check();
    await page.waitForSelector("[data-testid=communities][data-status=ready]", { timeout: 120_000 });
    // The frame that shows the colours: sigma refreshes on the next animation frame.
    const done = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
    const tasks = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks);
    const step = await page.evaluate(() => ({
      input: performance.getEntriesByName("diplograph:communities-input").at(-1)?.duration ?? NaN,
      colours: performance.getEntriesByName("diplograph:communities-colours").at(-1)?.duration ?? NaN,
      worker: Number((performance.getEntriesByName("diplograph:communities-worker").at(-1) as PerformanceMark | undefined)?.detail ?? NaN),
    }));
    steps.input.push(step.input);
    steps.worker.push(step.worker);
    steps.colours.push(step.colours);
    clickToColours.push(done - started);
    longestTask.push(Math.max(0, ...tasks));
    // What any change of colour costs on this graph: one refresh of sigma (reducers, then the frame).
    await page.evaluate(() => ((window as unknown as { __tasks: number[] }).__tasks.length = 0));
    await page.evaluate(() => new Promise<void>((resolve) => {
      window.__diplograph?.sigma?.refresh();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    }));
    refreshTask.push(Math.max(0, ...(await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks))));
    await page.close();
  }
  console.log(`chromium: longest main-thread task of one sigma refresh alone, median ${round(median(refreshTask))} ms (${refreshTask.map(round).join(", ")})`);
  console.log(`chromium: in the page, shown graph to input ${round(median(steps.input))} ms, Louvain and ranking in the worker ${round(median(steps.worker))} ms, colours ${round(median(steps.colours))} ms`);
  console.log(`chromium: click to coloured frame median ${round(median(clickToColours))} ms (${clickToColours.map(round).join(", ")}); longest main-thread task median ${round(median(longestTask))} ms (${longestTask.map(round).join(", ")})`);
} finally {
  await browser.close();
  await viewer.close();
}
