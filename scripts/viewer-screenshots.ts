// Screenshots of the viewer for docs/viewer.md, in headless Chromium: the samples' first
// view, a 2,000-article build's first view, an ego view in it, its timeline brushed to one
// year, its communities (coloured, then grouped), a Cypher path through MENTIONED_IN drawn dashed, and the samples at
// 800×600 with the panel open. The Cypher answer is the one Neo4j gives for that query once
// the graph is loaded (MENTIONED_IN from each node's `articles`, docs/neo4j.md), made here from
// graph.json so that no Neo4j is needed; viewer-cypher.test.ts runs it against the real one.
// Usage: tsx scripts/viewer-screenshots.ts --samples graph.json --large graph.json --out DIR
// (then, to keep each under 200 KB: `pngquant --quality 60-85 --force --output OUT.png IN.png`).
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import type { SerializedKnowledgeGraph } from "../src/graph/types.ts";
import { stubCypherConsole } from "../test/helpers/stub-cypher.ts";
import { launchChromium } from "../test/helpers/viewer-browser.ts";
import { openViewer, startTestViewer } from "../test/helpers/viewer-server.ts";

const { values } = parseArgs({ options: { samples: { type: "string" }, large: { type: "string" }, out: { type: "string" } } });
if (!values.samples || !values.large || !values.out) throw new Error("usage: tsx scripts/viewer-screenshots.ts --samples FILE --large FILE --out DIR");
const out = values.out;
mkdirSync(out, { recursive: true });

const readGraph = (path: string) => JSON.parse(readFileSync(path, "utf8")) as SerializedKnowledgeGraph;

/** The best-connected node of a kind: what a reader of a large graph would open first. */
function hub(path: string, kind: string): string {
  const data = readGraph(path);
  const degree = new Map<string, number>();
  for (const edge of data.edges) for (const end of [edge.source, edge.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const nodes = data.nodes.filter((node) => node.attributes?.kind === kind);
  return nodes.sort((a, b) => (degree.get(b.key) ?? 0) - (degree.get(a.key) ?? 0))[0]?.key ?? "";
}

async function shoot(page: Page, url: string, name: string, before?: () => Promise<void>): Promise<void> {
  await openViewer(page, url);
  await before?.();
  await page.waitForFunction(() => window.__diplograph?.sigma?.getCamera().isAnimated() === false);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`${name}.png`);
}

const browser = await launchChromium();
const samples = await startTestViewer(values.samples);
// The dashed path: a meeting and the articles that mention it, as Neo4j answers the query.
const meeting = hub(values.large, "Meeting");
const mentioning = (readGraph(values.large).nodes.find((node) => node.key === meeting)?.attributes?.articles ?? []).slice(0, 4);
const pathQuery = `MATCH p = (m:Meeting {key: '${meeting}'})-[:MENTIONED_IN]->(a:Article) RETURN p LIMIT 4`;
const large = await startTestViewer(
  values.large,
  stubCypherConsole({
    columns: ["p"],
    rows: mentioning.map((id) => ({
      p: { $type: "path", nodes: [meeting, `article:${id}`].map((key) => ({ $type: "node", properties: { key } })), relationships: [{ $type: "relationship", type: "MENTIONED_IN" }] },
    })),
    subgraph: { nodes: [meeting, ...mentioning.map((id) => `article:${id}`)], relationships: mentioning.map((id) => ({ source: meeting, target: `article:${id}`, type: "MENTIONED_IN" })) },
    truncated: false,
    cut: null,
  }),
);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
  page.setDefaultTimeout(300_000);
  await shoot(page, samples.url, "viewer-samples");
  await shoot(page, large.url, "viewer-2000-articles");
  await shoot(page, `${large.url}?node=${encodeURIComponent(meeting)}&ego=${encodeURIComponent(meeting)}`, "viewer-ego");
  await shoot(page, `${large.url}?from=2020-01-01&to=2020-12-31`, "viewer-timeline");
  await shoot(page, `${large.url}?communities=1`, "viewer-communities", async () => {
    await page.waitForSelector("[data-testid=communities][data-status=ready]", { timeout: 300_000 });
  });
  await shoot(page, `${large.url}?communities=1&clustered=1`, "viewer-clustered", async () => {
    await page.waitForSelector("[data-testid=communities][data-layout=on]", { timeout: 300_000 });
  });
  await shoot(page, `${large.url}?cypher=${encodeURIComponent(pathQuery)}`, "viewer-dashed-path", async () => {
    await page.getByTestId("cypher-confirm-run").click();
    await page.getByTestId("cypher-dashed-note").waitFor();
  });
  await page.setViewportSize({ width: 800, height: 600 });
  await shoot(page, `${samples.url}?node=${encodeURIComponent("official:pham-binh-minh")}`, "viewer-800x600");
  await page.close();
} finally {
  await browser.close();
  await samples.close();
  await large.close();
}
