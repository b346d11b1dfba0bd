// Communities benchmark: Louvain (web/src/communities.ts) on a graph.json as the viewer
// shows it first (articles hidden past 1,000 nodes), timed in Node step by step, then in
// headless Chromium from the click on the switch to the coloured frame, with the longest
// task the page's main thread ran meanwhile (what a reader would feel as a freeze); then the
// clustered view (web/src/cluster-layout.ts): its layout in Node, and in Chromium from the
// click on "Xếp các nút theo cộng đồng" to the grouped frame and back to the stored positions.
// `npm run bench:communities -- --graph FILE [--runs N]`
import { MultiDirectedGraph } from "graphology";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes, SerializedKnowledgeGraph } from "../src/graph/types.ts";
import { contractEdgeKey } from "../src/server/view-graph.ts";
import { launchChromium } from "../test/helpers/viewer-browser.ts";
import { openViewer, startTestViewer } from "../test/helpers/viewer-server.ts";
import { clusterLayout } from "../web/src/cluster-layout.ts";
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

const node = { input: [] as number[], louvain: [] as number[], louvainCpu: [] as number[], rank: [] as number[], layout: [] as number[], layoutCpu: [] as number[] };
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
  const ranked = rankAssignment(input, assignment);
  const communities = colourCommunities(input, ranked);
  const t3 = performance.now();
  node.input.push(t1 - t0);
  node.louvain.push(t2 - t1);
  // The ranking as the worker runs it includes the clustered layout: timed apart below.
  node.rank.push(t3 - t2 - ranked.layoutMs);
  const layoutCpu = process.cpuUsage();
  const t4 = performance.now();
  clusterLayout({ count: input.nodes.length, sources: input.sources, targets: input.targets, members: ranked.members });
  node.layout.push(performance.now() - t4);
  const layoutUsed = process.cpuUsage(layoutCpu);
  node.layoutCpu.push((layoutUsed.user + layoutUsed.system) / 1_000);
  summary = `${communities.ranked.length} communities of 2+ nodes, modularity ${communities.modularity.toFixed(3)}, largest ${communities.ranked[0]?.nodes.length ?? 0} nodes`;
}
console.log(`node: ${summary}`);
console.log(`node: input ${round(median(node.input))} ms, Louvain ${round(median(node.louvain))} ms wall (${node.louvain.map(round).join(", ")}), ${round(median(node.louvainCpu))} ms CPU (${node.louvainCpu.map(round).join(", ")}), ranking ${round(median(node.rank))} ms`);
console.log(`node: clustered layout ${round(median(node.layout))} ms wall (${node.layout.map(round).join(", ")}), ${round(median(node.layoutCpu))} ms CPU (${node.layoutCpu.map(round).join(", ")})`);

const browser = await launchChromium();
const viewer = await startTestViewer(values.graph);
try {
  const clickToColours: number[] = [];
  const longestTask: number[] = [];
  const refreshTask: number[] = [];
  const steps = { input: [] as number[], worker: [] as number[], colours: [] as number[] };
  const cluster = { click: [] as number[], longest: [] as number[], apply: [] as number[], workerLayout: [] as number[], off: [] as number[], offLongest: [] as number[] };
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

    // The clustered view: the positions were made in the worker with the communities; the
    // page writes them on the nodes and sigma redraws. Then off: the stored positions back.
    for (const on of [true, false]) {
      await page.evaluate(() => ((window as unknown as { __tasks: number[] }).__tasks.length = 0));
      const clicked = await page.evaluate(() => performance.now());
      const box = page.locator("input[name=clustered]");
      await (on ? box.check() : box.uncheck());
      await page.waitForSelector(`[data-testid=communities][data-layout=${on ? "on" : "off"}]`, { timeout: 120_000 });
      const drawn = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
      const longest = Math.max(0, ...(await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks)));
      (on ? cluster.click : cluster.off).push(drawn - clicked);
      (on ? cluster.longest : cluster.offLongest).push(longest);
    }
    const layoutStep = await page.evaluate(() => ({
      apply: performance.getEntriesByName("diplograph:cluster-apply").at(-1)?.duration ?? NaN,
      worker: Number((performance.getEntriesByName("diplograph:cluster-layout-worker").at(-1) as PerformanceMark | undefined)?.detail ?? NaN),
    }));
    cluster.apply.push(layoutStep.apply);
    cluster.workerLayout.push(layoutStep.worker);
    await page.close();
  }
  console.log(`chromium: longest main-thread task of one sigma refresh alone, median ${round(median(refreshTask))} ms (${refreshTask.map(round).join(", ")})`);
  console.log(`chromium: in the page, shown graph to input ${round(median(steps.input))} ms, Louvain and ranking in the worker ${round(median(steps.worker))} ms, colours ${round(median(steps.colours))} ms`);
  const list = (items: number[]) => `median ${round(median(items))} ms (${items.map(round).join(", ")})`;
  console.log(`chromium: clustered layout in the worker (part of Louvain and ranking) ${list(cluster.workerLayout)}; positions written and sigma refreshed ${list(cluster.apply)}`);
  console.log(`chromium: click to grouped frame ${list(cluster.click)}; longest main-thread task ${list(cluster.longest)}`);
  console.log(`chromium: click to stored positions back ${list(cluster.off)}; longest main-thread task ${list(cluster.offLongest)}`);
  console.log(`chromium: click to coloured frame median ${round(median(clickToColours))} ms (${clickToColours.map(round).join(", ")}); longest main-thread task median ${round(median(longestTask))} ms (${longestTask.map(round).join(", ")})`);
} finally {
  await browser.close();
  await viewer.close();
}
