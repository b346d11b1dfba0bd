// The Cypher console end to end: the sample graph loaded into the real Neo4j with the
// loader, the viewer's server running read-only queries, Chromium showing the answer as a
// list of relationships, a table and a highlighted subgraph; writes refused; paths through
// MENTIONED_IN (in Neo4j only) drawn dashed; a query in a shared link run only once confirmed.
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, test } from "vitest";
import { closeDrivers, connectionSettings, loadGraph, runReadQuery, savedQuery } from "../../src/neo4j/index.ts";
import { neo4jCypherConsole } from "../../src/server/cypher-console.ts";
import type { CypherConsole } from "../../src/server/types.ts";
import { sampleGraph } from "../helpers/sample-graph.ts";
import { launchChromium, screenshot } from "../helpers/viewer-browser.ts";
import { openViewer, startTestViewer } from "../helpers/viewer-server.ts";
import type { TestViewer } from "../helpers/viewer-server.ts";

const settings = connectionSettings();
const JCM = "meeting:hoi-nghi-tham-van-chung-asean";
const JCM_ARTICLE = "002_fcf32e649116f6ed";
const DIMMED = "#e4e6e8";
let browser: Browser;
let viewer: TestViewer;
let page: Page;
const pageErrors: string[] = [];
/** Queries the server ran for the browser, in order (the real console, counted). */
const serverQueries: string[] = [];
/** Every request the page sent to /api/cypher. */
let cypherRequests: Request[] = [];

beforeAll(async () => {
  const sample = sampleGraph();
  await loadGraph(settings, sample.graph, sample.path);
  const real = neo4jCypherConsole(settings);
  const counted: CypherConsole = {
    status: () => real.status(),
    run: (query, params) => {
      serverQueries.push(query);
      return real.run(query, params);
    },
    close: () => real.close(),
  };
  viewer = await startTestViewer(sample.path, counted);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await viewer?.close();
  await closeDrivers();
});

beforeEach(async () => {
  cypherRequests = [];
  page = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: "vi-VN" });
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.endsWith("/api/cypher")) cypherRequests.push(request);
  });
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

const cameraIdle = () => page.waitForFunction(() => window.__diplograph?.sigma?.getCamera().isAnimated() === false);

/** Nodes drawn outside the canvas (after the camera has settled). */
function outsideCanvas(nodes: string[]): Promise<string[]> {
  return page.evaluate((keys) => {
    const sigma = window.__diplograph?.sigma;
    if (!sigma) return keys;
    const { width, height } = sigma.getDimensions();
    return keys.filter((key) => {
      const data = sigma.getNodeDisplayData(key);
      if (!data || data.hidden) return true;
      const { x, y } = sigma.framedGraphToViewport(data);
      return x < 0 || y < 0 || x > width || y > height;
    });
  }, nodes);
}

interface DashProbe {
  edges: number;
  /** Along the segment between the two nodes on the dashed layer: samples with ink, without, and the switches between. */
  inked: number;
  blank: number;
  switches: number;
}

/** Reads the dashed layer's pixels along the line from one node to another. */
function dashesBetween(source: string, target: string): Promise<DashProbe | null> {
  return page.evaluate(
    ({ source, target }) => {
      const sigma = window.__diplograph?.sigma;
      const canvas = document.querySelector<HTMLCanvasElement>("canvas.sigma-resultPaths");
      const context = canvas?.getContext("2d");
      const from = sigma?.getNodeDisplayData(source);
      const to = sigma?.getNodeDisplayData(target);
      if (!sigma || !canvas || !context || !from || !to) return null;
      const a = sigma.framedGraphToViewport(from);
      const b = sigma.framedGraphToViewport(to);
      const ratio = canvas.width / sigma.getDimensions().width;
      const length = Math.hypot(b.x - a.x, b.y - a.y);
      let inked = 0;
      let blank = 0;
      let switches = 0;
      let previous: boolean | null = null;
      // From a tenth to four tenths of the way: clear of the discs, the arrow and the type's name.
      for (let at = length * 0.1; at <= length * 0.4; at += 1) {
        const x = Math.round((a.x + ((b.x - a.x) * at) / length) * ratio);
        const y = Math.round((a.y + ((b.y - a.y) * at) / length) * ratio);
        const alpha = context.getImageData(x, y, 1, 1).data[3] ?? 0;
        const ink = alpha > 60;
        if (ink) inked += 1;
        else blank += 1;
        if (previous !== null && previous !== ink) switches += 1;
        previous = ink;
      }
      return { edges: Number(canvas.dataset.edgeCount), inked, blank, switches };
    },
    { source, target },
  );
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

  test("the saved shortest path (its nodes named, not whole) is listed, tabled and brought forward on the canvas", async () => {
    await openViewer(page, viewer.url);
    // The console takes no parameters: the saved query with its two names written in.
    await runInConsole(savedQuery("shortest-path").cypher.replaceAll("$from", "'Brunei'").replaceAll("$to", "'Nguyễn Quốc Dũng'"));
    const result = page.getByTestId("cypher-result");
    await result.waitFor();
    const relationships = await page.getByTestId("cypher-relationships").textContent();
    expect(relationships).toContain("Brunei –CHAIRED→ Hội nghị tham vấn chung ASEAN");
    expect(relationships).toContain("Nguyễn Quốc Dũng –ATTENDED→ Hội nghị tham vấn chung ASEAN");
    expect(await result.locator("th").allTextContents()).toEqual(["path", "hops", "entities", "facts"]);
    expect(await result.locator("tbody tr").first().locator("td").first().textContent()).toBe("(path of 3 nodes)");
    for (const node of ["country:brunei", JCM, "official:nguyen-quoc-dung"]) await expect.poll(() => nodeColor(node)).not.toBe(DIMMED);
    expect(await nodeColor("official:pham-binh-minh")).toBe(DIMMED);
    expect(pageErrors).toEqual([]);
  });

  test("a write is refused by name and changes nothing", async () => {
    await openViewer(page, viewer.url);
    await runInConsole("CREATE (x:ViewerProbe {key: 'probe'}) RETURN x");
    await expect.poll(() => page.getByTestId("cypher-error").getAttribute("data-error")).toBe("WriteQueryRefusedError");
    const { rows } = await runReadQuery(settings, "MATCH (x:ViewerProbe) RETURN count(x) AS n");
    expect(rows[0]?.n).toBe(0);
  });

  test("a path through MENTIONED_IN (in Neo4j only) is drawn dashed, framed, and gone when the result is cleared", async () => {
    await openViewer(page, viewer.url);
    const article = `article:${JCM_ARTICLE}`;
    // The view graph has no MENTIONED_IN edge: the loader makes them in Neo4j from `articles`.
    expect(await page.evaluate(({ from, to }) => window.__diplograph?.graph.edges(from, to).length, { from: JCM, to: article })).toBe(0);
    await runInConsole(`MATCH p = (m:Meeting {key: '${JCM}'})-[:MENTIONED_IN]->(a:Article) RETURN p`);
    await page.getByTestId("cypher-result").waitFor();
    await expect.poll(() => page.getByTestId("cypher-dashed-note").textContent()).toMatch(/^1 quan hệ/);
    await cameraIdle();
    const dashes = await dashesBetween(JCM, article);
    expect(dashes?.edges).toBe(1);
    // A dashed line: ink and gaps in turn along it, not a solid line and not nothing.
    expect(dashes?.inked).toBeGreaterThan(5);
    expect(dashes?.blank).toBeGreaterThan(5);
    expect(dashes?.switches).toBeGreaterThanOrEqual(4);
    expect(await nodeColor(article)).not.toBe(DIMMED);
    expect(await outsideCanvas([JCM, article])).toEqual([]);
    await screenshot(page, "viewer-dashed-path");
    await page.getByRole("button", { name: "Xoá kết quả" }).click();
    await expect.poll(() => page.locator("canvas.sigma-resultPaths").count()).toBe(0);
    await expect.poll(() => nodeColor(article)).not.toBe(DIMMED);
    expect(pageErrors).toEqual([]);
  });

  test("a result of nodes only lights the CHAIRED edges among them and frames them", async () => {
    await openViewer(page, viewer.url);
    await runInConsole("MATCH (p:Official)-[:CHAIRED]->(m:Meeting) RETURN p, m");
    await page.getByTestId("cypher-result").waitFor();
    const chaired = await page.evaluate(() => {
      const graph = window.__diplograph?.graph;
      return graph?.filterEdges((_edge, attributes, source) => attributes.type === "CHAIRED" && source.startsWith("official:")) ?? [];
    });
    expect(chaired.length).toBeGreaterThan(0);
    const edgeColors = () =>
      page.evaluate((keys) => keys.map((key) => window.__diplograph?.sigma?.getEdgeDisplayData(key)?.color), chaired);
    await expect.poll(async () => (await edgeColors()).filter((color) => color === DIMMED)).toEqual([]);
    const ends = await page.evaluate((keys) => keys.flatMap((key) => window.__diplograph?.graph.extremities(key) ?? []), chaired);
    await cameraIdle();
    expect(await outsideCanvas(ends)).toEqual([]);
    // Nothing here is drawn dashed: every relationship is on view (none was returned at all).
    expect(await page.locator("canvas.sigma-resultPaths").count()).toBe(0);
  });

  test("a query in a shared link is shown and runs only after the reader confirms", async () => {
    const query = "MATCH (c:Country)-[r:CHAIRED]->(m:Meeting) RETURN c, r, m";
    const before = serverQueries.length;
    await openViewer(page, `${viewer.url}?cypher=${encodeURIComponent(query)}`);
    const confirm = page.getByTestId("cypher-confirm");
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain("Chạy truy vấn này?");
    await expect.poll(() => page.locator("[data-testid=cypher-editor] .cm-content").textContent()).toBe(query);
    // Time enough for anything the page would run by itself.
    await page.waitForTimeout(1_500);
    expect(cypherRequests).toHaveLength(0);
    expect(serverQueries.length).toBe(before);
    expect(await page.getByTestId("cypher-result").count()).toBe(0);
    await page.getByTestId("cypher-confirm-run").click();
    await page.getByTestId("cypher-result").waitFor();
    expect(cypherRequests).toHaveLength(1);
    expect(serverQueries.slice(before)).toEqual([query]);
    await confirm.waitFor({ state: "detached" });
    expect(await page.getByTestId("cypher-relationships").textContent()).toContain("Brunei –CHAIRED→");
  });

  test("declining runs nothing; an English browser is asked in English", async () => {
    const english = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: "en-US" });
    const requests: string[] = [];
    english.on("request", (request) => {
      if (new URL(request.url()).pathname.endsWith("/api/cypher")) requests.push(request.url());
    });
    try {
      await openViewer(english, `${viewer.url}?cypher=${encodeURIComponent("MATCH (n) RETURN count(n) AS n")}`);
      const confirm = english.getByTestId("cypher-confirm");
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain("Run this query?");
      await english.getByRole("button", { name: "Don't run" }).click();
      await confirm.waitFor({ state: "detached" });
      await english.waitForTimeout(500);
      expect(requests).toEqual([]);
      // The query stays in the editor and in the link, to run by hand.
      expect(new URL(english.url()).searchParams.get("cypher")).toBe("MATCH (n) RETURN count(n) AS n");
    } finally {
      await english.close();
    }
  });

  test("health reports the Neo4j it reaches", async () => {
    const health = (await (await fetch(`${viewer.url}api/health`)).json()) as { neo4j: { reachable: boolean; uri: string } };
    expect(health.neo4j).toMatchObject({ reachable: true, uri: settings.uri });
  });
});
