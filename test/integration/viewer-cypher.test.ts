// The Cypher console end to end: the sample graph loaded into the real Neo4j with the
// loader, the viewer's server running read-only queries, Chromium showing the answer as a
// list of relationships, a table and a highlighted subgraph; writes refused.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, test } from "vitest";
import { closeDrivers, connectionSettings, loadGraph, runReadQuery } from "../../src/neo4j/index.ts";
import { neo4jCypherConsole } from "../../src/server/cypher-console.ts";
import { sampleGraph } from "../helpers/sample-graph.ts";
import { launchChromium, screenshot } from "../helpers/viewer-browser.ts";
import { openViewer, startTestViewer } from "../helpers/viewer-server.ts";
import type { TestViewer } from "../helpers/viewer-server.ts";

const settings = connectionSettings();
const JCM = "meeting:hoi-nghi-tham-van-chung-asean";
const DIMMED = "#e4e6e8";
let browser: Browser;
let viewer: TestViewer;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const sample = sampleGraph();
  await loadGraph(settings, sample.graph, sample.path);
  viewer = await startTestViewer(sample.path, neo4jCypherConsole(settings));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await viewer?.close();
  await closeDrivers();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/.test(message.text())) pageErrors.push(message.text());
  });
});

afterEach(async () => {
  await page.close();
});

async function runInConsole(query: string): Promise<void> {
  const console = page.getByTestId("cypher-console");
  await expect.poll(() => console.getAttribute("data-enabled")).toBe("true");
  // Neo4j's CodeMirror editor: a contenteditable, typed into as a person would.
  const editor = console.locator("[data-testid=cypher-editor] .cm-content");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(query);
  await console.getByRole("button", { name: /Chạy/ }).click();
}

async function nodeColor(node: string): Promise<string | undefined> {
  return page.evaluate((key) => window.__diplograph?.sigma?.getNodeDisplayData(key)?.color, node);
}

describe("Cypher console", () => {
  test("shows Brunei –CHAIRED→ the Joint Consultative Meeting, as a list, a table and on the canvas", async () => {
    await openViewer(page, viewer.url);
    await runInConsole("MATCH (c:Country)-[r:CHAIRED]->(m:Meeting) WHERE c.label = 'Brunei' RETURN c, r, m");
    const result = page.getByTestId("cypher-result");
    await result.waitFor();
    expect(await page.getByTestId("cypher-relationships").textContent()).toContain("Brunei –CHAIRED→ Hội nghị tham vấn chung ASEAN");
    expect(await result.locator("th").allTextContents()).toEqual(["c", "r", "m"]);
    expect(await result.locator("tbody tr").first().textContent()).toContain("Hội nghị tham vấn chung ASEAN");
    // The answer is brought forward on the canvas, the rest dimmed.
    await expect.poll(() => nodeColor("country:brunei")).not.toBe(DIMMED);
    expect(await nodeColor(JCM)).not.toBe(DIMMED);
    expect(await nodeColor("official:pham-binh-minh")).toBe(DIMMED);
    // The query is part of the view's link.
    expect(new URL(page.url()).searchParams.get("cypher")).toContain("CHAIRED");
    await screenshot(page, "viewer-cypher");
    expect(pageErrors).toEqual([]);
  });

  test("a write is refused by name and changes nothing", async () => {
    await openViewer(page, viewer.url);
    await runInConsole("CREATE (x:ViewerProbe {key: 'probe'}) RETURN x");
    await expect.poll(() => page.getByTestId("cypher-error").getAttribute("data-error")).toBe("WriteQueryRefusedError");
    const { rows } = await runReadQuery(settings, "MATCH (x:ViewerProbe) RETURN count(x) AS n");
    expect(rows[0]?.n).toBe(0);
  });

  test("health reports the Neo4j it reaches", async () => {
    const health = (await (await fetch(`${viewer.url}api/health`)).json()) as { neo4j: { reachable: boolean; uri: string } };
    expect(health.neo4j).toMatchObject({ reachable: true, uri: settings.uri });
  });
});
