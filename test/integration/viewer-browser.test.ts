// The viewer in a real headless Chromium (Debian's, through playwright-core) against the
// real server, on the graph built from the sample articles: rendering, search (from the
// server's name index, or the page's names when that index is of another build), the node
// panel, filters, GEXF export, shared links; and, on a hand-made graph, the XSS case.
// Screenshots go to test-artifacts/.
import { readFileSync } from "node:fs";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { NameIndex } from "../../src/graph/search.ts";
import type { SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import { GRAPH_VERSION_HEADER } from "../../src/server/types.ts";
import { sampleGraph } from "../helpers/sample-graph.ts";
import { launchChromium, screenshot } from "../helpers/viewer-browser.ts";
import { HOSTILE_MARKUP, writeViewerFixture } from "../helpers/viewer-fixture.ts";
import { inkedPixels, openViewer, startTestViewer } from "../helpers/viewer-server.ts";
import type { TestViewer } from "../helpers/viewer-server.ts";

let browser: Browser;
let viewer: TestViewer;
let hostileViewer: TestViewer;
let graph: SerializedKnowledgeGraph;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const sample = sampleGraph();
  graph = sample.graph;
  viewer = await startTestViewer(sample.path);
  hostileViewer = await startTestViewer(writeViewerFixture().path);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await viewer?.close();
  await hostileViewer?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
  page.on("pageerror", (error) => pageErrors.push(error.message));
});

afterEach(async () => {
  await page.close();
});

function keysOfKind(kind: string): string[] {
  return graph.nodes.filter((node) => node.attributes?.kind === kind).map((node) => node.key);
}

async function hiddenInSigma(keys: string[]): Promise<boolean[]> {
  return page.evaluate((nodes) => nodes.map((node) => window.__diplograph?.sigma?.getNodeDisplayData(node)?.hidden === true), keys);
}

describe("viewer in Chromium", () => {
  test("draws the graph and reports as many nodes as graph.json holds", async () => {
    await openViewer(page, viewer.url);
    const app = page.getByTestId("app");
    expect(Number(await app.getAttribute("data-node-count"))).toBe(graph.nodes.length);
    expect(Number(await app.getAttribute("data-edge-count"))).toBe(graph.edges.length);
    expect(await inkedPixels(page, ".graph-canvas")).toBeGreaterThan(500);
    await screenshot(page, "viewer-overview");
    expect(pageErrors).toEqual([]);
  });

  test("typing 'pham binh minh' opens his panel with the evidence sentence", async () => {
    await openViewer(page, viewer.url);
    await page.getByRole("combobox", { name: "Tìm kiếm" }).fill("pham binh minh");
    await expect.poll(() => page.getByTestId("suggestions").textContent()).toContain("Phạm Bình Minh");
    await page.getByRole("combobox", { name: "Tìm kiếm" }).press("Enter");
    const panel = page.getByTestId("node-panel");
    await panel.waitFor();
    expect(await panel.getAttribute("data-node")).toBe("official:pham-binh-minh");
    expect(await panel.getByTestId("node-label").textContent()).toBe("Phạm Bình Minh");
    const chaired = panel.getByTestId("relations-CHAIRED");
    expect(await chaired.getByTestId("evidence").first().textContent()).toContain("chủ trì");
    // The evidence names its article and date.
    expect(await chaired.locator("cite").first().textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    await screenshot(page, "viewer-search-panel");
  });

  test("abbreviations and missing diacritics still find the summit: 'hncc 37'", async () => {
    await openViewer(page, viewer.url);
    await page.getByRole("combobox", { name: "Tìm kiếm" }).fill("hncc 37");
    await expect.poll(() => page.getByTestId("suggestions").locator("li").first().textContent()).toContain("Hội nghị cấp cao ASEAN lần thứ 37");
    await page.getByRole("combobox", { name: "Tìm kiếm" }).press("Enter");
    expect(await page.getByTestId("node-panel").getAttribute("data-node")).toBe("meeting:hoi-nghi-cap-cao-asean-37");
  });

  test("hovering a node brings its neighbourhood forward and dims the rest", async () => {
    await openViewer(page, viewer.url);
    const brunei = "country:brunei";
    const point = await page.evaluate((node) => {
      const sigma = window.__diplograph?.sigma;
      const data = sigma?.getNodeDisplayData(node);
      if (!sigma || !data) return null;
      const { x, y } = sigma.framedGraphToViewport(data);
      const box = sigma.getContainer().getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    }, brunei);
    expect(point).not.toBeNull();
    await page.mouse.move(point?.x ?? 0, point?.y ?? 0);
    const color = (node: string) => page.evaluate((key) => window.__diplograph?.sigma?.getNodeDisplayData(key)?.color, node);
    await expect.poll(() => color("official:pham-binh-minh")).toBe("#e4e6e8");
    expect(await color(brunei)).not.toBe("#e4e6e8");
    expect(await color("meeting:hoi-nghi-tham-van-chung-asean")).not.toBe("#e4e6e8");
    await screenshot(page, "viewer-hover");
  });

  test("the layout toggle runs ForceAtlas2 in a worker and moves the nodes", async () => {
    await openViewer(page, viewer.url);
    const position = () => page.evaluate(() => window.__diplograph?.graph.getNodeAttributes("country:brunei"));
    const before = await position();
    await page.getByTestId("layout-toggle").click();
    await expect.poll(async () => (await position())?.x).not.toBe(before?.x);
    await page.getByTestId("layout-toggle").click();
    expect(await page.getByTestId("layout-toggle").getAttribute("aria-pressed")).toBe("false");
    expect(pageErrors).toEqual([]);
  });

  test("unchecking Document hides every document, and the counts follow", async () => {
    await openViewer(page, viewer.url);
    const documents = keysOfKind("Document");
    expect(documents.length).toBeGreaterThan(0);
    expect(await hiddenInSigma(documents)).toEqual(documents.map(() => false));
    await page.locator("input[name=kind-Document]").uncheck();
    await expect.poll(() => hiddenInSigma(documents)).toEqual(documents.map(() => true));
    expect(Number(await page.getByTestId("app").getAttribute("data-visible-node-count"))).toBe(graph.nodes.length - documents.length);
    expect(await page.getByTestId("count-Document").textContent()).toBe(`0/${documents.length}`);
    expect(await hiddenInSigma(keysOfKind("Meeting"))).not.toContain(true);
    await screenshot(page, "viewer-documents-hidden");
  });

  test("GEXF export downloads the visible nodes, which graphology-gexf parses back", async () => {
    await openViewer(page, viewer.url);
    await page.locator("input[name=kind-Document]").uncheck();
    const visible = await page.evaluate(() => [...(window.__diplograph?.visibleNodes ?? [])].sort());
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-gexf").click()]);
    expect(download.suggestedFilename()).toMatch(/\.gexf$/);
    const parsed = parseGexf(MultiDirectedGraph, readFileSync(await download.path(), "utf8"));
    expect(parsed.nodes().sort()).toEqual(visible);
    expect(parsed.nodes().some((node) => node.startsWith("document:"))).toBe(false);
  });

  test("JSON and PNG exports download the same view and a picture of it", async () => {
    await openViewer(page, viewer.url);
    await page.locator("input[name=kind-Article]").uncheck();
    const visible = await page.evaluate(() => [...(window.__diplograph?.visibleNodes ?? [])].sort());
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-json").click()]);
    const exported = JSON.parse(readFileSync(await json.path(), "utf8")) as SerializedKnowledgeGraph;
    expect(exported.nodes.map((node) => node.key).sort()).toEqual(visible);
    const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-png").click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(readFileSync(await png.path()).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  test("article text with <script> and <img onerror> shows as text and runs nothing", async () => {
    await openViewer(page, `${hostileViewer.url}?node=${encodeURIComponent("article:999_hostile")}`);
    const panel = page.getByTestId("node-panel");
    await panel.waitFor();
    expect(await panel.getByTestId("article-body").textContent()).toContain(HOSTILE_MARKUP);
    expect(await panel.getByTestId("node-label").textContent()).toContain("<script>");
    expect(await panel.locator("script, img").count()).toBe(0);
    // The evidence of the document adopted in that article: also text.
    await page.goto(`${hostileViewer.url}?node=${encodeURIComponent("document:tuyen-bo-thu-nghiem")}`);
    await page.getByTestId("node-panel").waitFor();
    expect(await page.getByTestId("evidence").first().textContent()).toContain("<img src=x onerror=");
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
    expect(await page.locator("img").count()).toBe(0);
    await screenshot(page, "viewer-xss-as-text");
  });

  test("a shared URL reopens the same view", async () => {
    await openViewer(page, viewer.url);
    await page.locator("input[name=kind-Article]").uncheck();
    await page.locator("input[name=type-ATTENDED]").uncheck();
    await page.locator("input[name=from]").fill("2021-01-01");
    await page.getByRole("combobox", { name: "Tìm kiếm" }).fill("brunei");
    await page.getByRole("combobox", { name: "Tìm kiếm" }).press("Enter");
    await page.getByTestId("node-panel").waitFor();
    const link = page.url();
    const visible = await page.getByTestId("app").getAttribute("data-visible-node-count");

    const other = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    try {
      await openViewer(other, link);
      expect(await other.getByTestId("node-panel").getAttribute("data-node")).toBe("country:brunei");
      expect(await other.locator("input[name=kind-Article]").isChecked()).toBe(false);
      expect(await other.locator("input[name=type-ATTENDED]").isChecked()).toBe(false);
      expect(await other.locator("input[name=from]").inputValue()).toBe("2021-01-01");
      expect(await other.getByRole("combobox", { name: "Tìm kiếm" }).inputValue()).toBe("brunei");
      expect(await other.getByTestId("app").getAttribute("data-visible-node-count")).toBe(visible);
      await screenshot(other, "viewer-shared-url");
    } finally {
      await other.close();
    }
  });
});

describe("the search's index comes from the server", () => {
  // A name only an index sent in place of the server's can know: "Phạm Bình Minh" renamed.
  const RENAMED = "Lorin Arlen Máy Chủ";
  /** Serves, in place of the server's name index, one of the sample graph with his node renamed, under `version` (the server's by default). */
  async function serveRenamedIndex(version?: string): Promise<void> {
    const nodes = graph.nodes.map((node) => (node.key === "official:pham-binh-minh" ? { ...node, attributes: { ...node.attributes, label: RENAMED } } : node));
    const packed = new NameIndex({ forEachNode: (callback) => nodes.forEach((node) => callback(node.key, node.attributes ?? {})) }).pack();
    await page.route("**/api/graph/search-index", async (route) => {
      const served = await route.fetch();
      const headers = { [GRAPH_VERSION_HEADER]: version ?? served.headers()[GRAPH_VERSION_HEADER] ?? "" };
      await route.fulfill({ status: 200, contentType: "application/json", headers, body: JSON.stringify(packed) });
    });
  }

  test("the first query after a load is answered from the index the server sent, not from names the page indexed", async () => {
    await serveRenamedIndex();
    await openViewer(page, viewer.url);
    // Typed as soon as the graph is drawn, before the page is idle.
    await page.getByRole("combobox", { name: "Tìm kiếm" }).fill("lorin arlen");
    await expect.poll(() => page.getByTestId("suggestions").locator("li").first().textContent()).toContain(RENAMED);
    await page.getByRole("combobox", { name: "Tìm kiếm" }).press("Enter");
    expect(await page.getByTestId("node-panel").getAttribute("data-node")).toBe("official:pham-binh-minh");
    expect(pageErrors).toEqual([]);
  });

  test("an index of another build of graph.json is not used: the page's own names are searched", async () => {
    await serveRenamedIndex("another-build");
    await openViewer(page, viewer.url);
    await page.getByRole("combobox", { name: "Tìm kiếm" }).fill("pham binh minh");
    // His name as the page's graph has it, which the index sent does not hold.
    await expect.poll(() => page.getByTestId("suggestions").locator("li").first().textContent()).toContain("Phạm Bình Minh");
    expect(await page.getByTestId("suggestions").textContent()).not.toContain(RENAMED);
  });

  test("without the server's index (an error), the page's own names are searched", async () => {
    await page.route("**/api/graph/search-index", (route) => route.fulfill({ status: 500, contentType: "application/json", body: "{}" }));
    await openViewer(page, viewer.url);
    await page.getByRole("combobox", { name: "Tìm kiếm" }).fill("hncc 37");
    await expect.poll(() => page.getByTestId("suggestions").locator("li").first().textContent()).toContain("Hội nghị cấp cao ASEAN lần thứ 37");
  });
});
