// Reading the sample graph in a real Chromium, with the keyboard and the mouse: the bugs of
// issue 12 (focus trapped in the Cypher editor, export with "from" after "to", node-only
// Cypher results, edges that could not be clicked, Back leaving the app, search dimming after
// the panel closed, repeated evidence, unexplained date filter) and the ego view, the timeline
// brush and the small-screen layout. No Neo4j: the Cypher answer comes from a stub console.
import { describe, expect, test } from "vitest";
import type { SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import { sampleGraph } from "../helpers/sample-graph.ts";
import { stubCypherConsole } from "../helpers/stub-cypher.ts";
import { screenshot } from "../helpers/viewer-browser.ts";
import { openViewer } from "../helpers/viewer-server.ts";
import { useViewerSession } from "../helpers/viewer-session.ts";

const MINH = "official:pham-binh-minh";
const ACC = "meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean";
const MINH_CHAIRED_ACC = `CHAIRED:${MINH}->${ACC}`;
const BRUNEI = "country:brunei";
const JCM = "meeting:hoi-nghi-tham-van-chung-asean";
const DIMMED = "#e4e6e8";

let graph: SerializedKnowledgeGraph;
// Answers `MATCH (p:Official)-[:CHAIRED]->(m:Meeting) RETURN p, m` as Neo4j does: nodes only.
const cypher = stubCypherConsole({
  columns: ["p", "m"],
  rows: [{ p: { $type: "node", properties: { key: MINH, label: "Phạm Bình Minh" } }, m: { $type: "node", properties: { key: ACC, label: "Hội nghị 25" } } }],
  subgraph: { nodes: [MINH, ACC], relationships: [] },
  truncated: false,
  cut: null,
});

// The interface's language: messages are Vietnamese unless the browser asks for English.
const session = useViewerSession({
  graphPath: () => {
    const sample = sampleGraph();
    graph = sample.graph;
    return sample.path;
  },
  cypher,
  page: { acceptDownloads: true },
});

const search = () => session.page.getByRole("combobox", { name: "Tìm kiếm" });

/** Where sigma draws a node, in page coordinates. */
async function nodePoint(node: string): Promise<{ x: number; y: number }> {
  const point = await session.page.evaluate((key) => {
    const sigma = window.__diplograph?.sigma;
    const data = sigma?.getNodeDisplayData(key);
    if (!sigma || !data) return null;
    const { x, y } = sigma.framedGraphToViewport(data);
    const box = sigma.getContainer().getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  }, node);
  if (!point) throw new Error(`node ${node} is not drawn`);
  return point;
}

const nodeColor = (node: string) => session.page.evaluate((key) => window.__diplograph?.sigma?.getNodeDisplayData(key)?.color, node);
const edgeDisplay = (edge: string) =>
  session.page.evaluate((key) => {
    const data = window.__diplograph?.sigma?.getEdgeDisplayData(key);
    return data ? { color: data.color, size: data.size, hidden: data.hidden } : null;
  }, edge);
const visibleCount = async () => Number(await session.page.getByTestId("app").getAttribute("data-visible-node-count"));
const cameraIdle = () => session.page.waitForFunction(() => window.__diplograph?.sigma?.getCamera().isAnimated() === false);

describe("keyboard", () => {
  test("the Cypher editor takes no focus on load, and Tab leaves it", async () => {
    await openViewer(session.page, session.url);
    const editor = session.page.getByTestId("cypher-editor");
    await editor.waitFor();
    await session.page.locator(".cypher-editor .cm-content").waitFor();
    const focusInEditor = () => session.page.evaluate(() => document.activeElement?.closest(".cypher-editor") != null);
    expect(await focusInEditor(), "focus in the editor on load").toBe(false);
    await session.page.locator(".cypher-editor .cm-content").click();
    expect(await focusInEditor(), "focus in the editor after a click").toBe(true);
    await session.page.keyboard.type("MATCH (n) RETURN n");
    await session.page.keyboard.press("Tab");
    expect(await focusInEditor(), "focus in the editor after Tab").toBe(false);
    // Tab moved on instead of writing spaces into the query.
    expect(await session.page.locator(".cypher-editor .cm-content").textContent()).toBe("MATCH (n) RETURN n");
  });

  test("the focused control shows a visible ring", async () => {
    await openViewer(session.page, session.url);
    await session.page.locator("body").click({ position: { x: 5, y: 5 } });
    await session.page.keyboard.press("Tab");
    const outline = await session.page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(outline?.style).not.toBe("none");
    expect(outline?.width).toBeGreaterThanOrEqual(2);
  });

  test("Escape closes the panel", async () => {
    await openViewer(session.page, `${session.url}?node=${encodeURIComponent(BRUNEI)}`);
    await session.page.getByTestId("node-panel").waitFor();
    await session.page.keyboard.press("Escape");
    await session.page.getByTestId("node-panel").waitFor({ state: "detached" });
  });

  test("Back and Forward walk the view history without leaving the app", async () => {
    await openViewer(session.page, session.url);
    await search().fill("brunei");
    await search().press("Enter");
    await session.page.getByTestId("node-panel").waitFor();
    await session.page.locator("input[name=kind-Document]").uncheck();
    await session.page.goBack();
    await expect.poll(() => session.page.locator("input[name=kind-Document]").isChecked()).toBe(true);
    expect(await session.page.getByTestId("node-panel").getAttribute("data-node")).toBe(BRUNEI);
    await session.page.goBack();
    await session.page.getByTestId("node-panel").waitFor({ state: "detached" });
    expect(await session.page.getByTestId("app").count()).toBe(1);
    await session.page.goForward();
    expect(await session.page.getByTestId("node-panel").getAttribute("data-node")).toBe(BRUNEI);
    expect(session.pageErrors).toEqual([]);
  });
});

describe("search, filters and export", () => {
  test("Enter pressed before the search's answer arrives opens the first hit when it comes", async () => {
    await openViewer(session.page, session.url);
    // The index answers from a worker, in a later task; here the page has re-rendered with the
    // query (microtasks) but no answer can have arrived when Enter is pressed.
    const listedAtEnter = await session.page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>("input[name=search]");
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
      if (!input || !setValue) throw new Error("no search box");
      setValue.call(input, "brunei");
      input.dispatchEvent(new Event("input", { bubbles: true }));
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
      const listed = document.querySelectorAll("[data-testid=suggestions] li").length;
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
      return listed;
    });
    expect(listedAtEnter).toBe(0);
    await expect.poll(() => session.page.getByTestId("node-panel").getAttribute("data-node")).toBe(BRUNEI);
  });

  test("after the panel is closed, the search no longer dims the graph", async () => {
    await openViewer(session.page, session.url);
    await search().fill("brunei");
    await expect.poll(() => nodeColor(MINH)).toBe(DIMMED);
    await search().press("Enter");
    await session.page.getByTestId("node-panel").getByRole("button", { name: "Đóng" }).click();
    await session.page.getByTestId("node-panel").waitFor({ state: "detached" });
    await expect.poll(() => nodeColor(MINH)).not.toBe(DIMMED);
    expect(await search().inputValue()).toBe("brunei");
  });

  test("a date filter says it hides undated meetings and articles", async () => {
    await openViewer(session.page, session.url);
    expect(await session.page.getByTestId("date-note").count()).toBe(0);
    await session.page.locator("input[name=from]").fill("2020-01-01");
    expect(await session.page.getByTestId("date-note").textContent()).toMatch(/không rõ ngày.*bài báo/s);
  });

  test("export with 'from' after 'to' throws nothing: the filters say why, the buttons are off", async () => {
    await openViewer(session.page, session.url);
    await session.page.locator("input[name=from]").fill("2022-01-01");
    await session.page.locator("input[name=to]").fill("2021-01-01");
    expect(await session.page.getByTestId("filter-error").textContent()).toContain("Từ");
    expect(await session.page.getByTestId("export-gexf").isDisabled()).toBe(true);
    await session.page.getByTestId("export-json").click({ force: true });
    expect(await session.page.getByTestId("export-error").textContent()).toContain("Từ");
    expect(session.pageErrors).toEqual([]);
    // The graph is still shown, without the impossible dates.
    expect(await visibleCount()).toBe(graph.nodes.length);
  });

  test("a browser that asks for English gets the message in English", async () => {
    const english = await session.browser.newPage({ locale: "en-US" });
    try {
      await openViewer(english, `${session.url}?from=2022-01-01&to=2021-01-01`);
      expect(await english.getByTestId("filter-error").textContent()).toContain("is after");
    } finally {
      await english.close();
    }
  });

  test("a node-only Cypher result lights the edges among its nodes", async () => {
    await openViewer(session.page, session.url);
    await session.page.locator(".cypher-editor .cm-content").waitFor();
    await session.page.getByTestId("cypher-run").click();
    await session.page.getByTestId("cypher-result").waitFor();
    await expect.poll(() => edgeDisplay(MINH_CHAIRED_ACC)).toMatchObject({ hidden: false, size: 2.5 });
    expect((await edgeDisplay(MINH_CHAIRED_ACC))?.color).not.toBe(DIMMED);
    expect(await nodeColor(BRUNEI)).toBe(DIMMED);
    // Result nodes are labelled whatever the label density.
    expect(await session.page.evaluate(() => [...(window.__diplograph?.sigma?.getNodeDisplayedLabels() ?? [])])).toEqual(expect.arrayContaining([MINH, ACC]));
    await screenshot(session.page, "viewer-cypher-nodes-only");
  });
});

describe("evidence", () => {
  test("clicking an edge opens its evidence; the citation opens the article with the sentence marked", async () => {
    await openViewer(session.page, session.url);
    const edge = `CHAIRED:${BRUNEI}->${JCM}`;
    const [from, to] = [await nodePoint(BRUNEI), await nodePoint(JCM)];
    await session.page.mouse.click((from.x + to.x) / 2, (from.y + to.y) / 2);
    const panel = session.page.getByTestId("edge-panel");
    await panel.waitFor();
    expect(await panel.getAttribute("data-edge")).toBe(edge);
    expect(await session.page.getByTestId("node-panel").count()).toBe(0);
    const evidence = graph.edges.find((item) => item.key === edge)?.attributes?.evidence ?? [];
    const quote = evidence[0]?.quote ?? "";
    expect(await panel.getByTestId("evidence").first().locator("blockquote").textContent()).toBe(quote);
    // The citation names the article by its title, its date (or that it has none) and publisher.
    const article = graph.nodes.find((node) => node.key === `article:${evidence[0]?.article}`)?.attributes as { title?: string; publisher?: string | null } | undefined;
    const cite = await panel.locator("cite").first().textContent();
    expect(cite).toContain(String(article?.title));
    expect(cite).toMatch(/\d{4}-\d{2}-\d{2}|không rõ ngày/);
    if (article?.publisher) expect(cite).toContain(String(article.publisher));
    expect(await panel.getByTestId("edge-confidence").textContent()).toMatch(/^\d+%$/);
    expect(await edgeDisplay(edge)).toMatchObject({ size: 4 });
    await screenshot(session.page, "viewer-edge-evidence");

    await panel.getByTestId("evidence-link").first().click();
    const articlePanel = session.page.getByTestId("node-panel");
    await articlePanel.waitFor();
    expect(await articlePanel.getAttribute("data-node")).toBe(`article:${evidence[0]?.article}`);
    expect(await articlePanel.getByTestId("article-highlight").textContent()).toBe(quote);
    // Back returns to the edge.
    await session.page.goBack();
    await session.page.getByTestId("edge-panel").waitFor();
  });

  test("a sentence stated twice is listed once", async () => {
    const raw = graph.edges.find((item) => item.key === MINH_CHAIRED_ACC)?.attributes?.evidence ?? [];
    const distinct = new Set(raw.map((item) => `${item.article}|${item.quote}`));
    expect(raw.length).toBeGreaterThan(distinct.size);
    await openViewer(session.page, `${session.url}?edge=${encodeURIComponent(MINH_CHAIRED_ACC)}`);
    expect(await session.page.getByTestId("edge-panel").getByTestId("evidence").count()).toBe(distinct.size);
    await session.page.goto(`${session.url}?node=${encodeURIComponent(MINH)}`);
    const chaired = session.page.getByTestId("node-panel").getByTestId("relations-CHAIRED");
    await chaired.waitFor();
    const quotes = await chaired.locator("blockquote").allTextContents();
    expect(new Set(quotes).size).toBe(quotes.length);
  });
});

describe("ego view and timeline", () => {
  test("the ego view shows a node and its neighbours; a click on a neighbour expands it", async () => {
    await openViewer(session.page, `${session.url}?node=${encodeURIComponent(BRUNEI)}`);
    await session.page.getByTestId("ego-1").click();
    await session.page.getByTestId("ego-bar").waitFor();
    const neighbours = new Set<string>([BRUNEI]);
    for (const edge of graph.edges) {
      if (edge.source === BRUNEI) neighbours.add(edge.target);
      if (edge.target === BRUNEI) neighbours.add(edge.source);
    }
    await expect.poll(visibleCount).toBe(neighbours.size);
    expect(new URL(session.page.url()).searchParams.getAll("ego")).toEqual([BRUNEI]);
    await cameraIdle();
    await screenshot(session.page, "viewer-ego");
    await session.page.mouse.click((await nodePoint(JCM)).x, (await nodePoint(JCM)).y);
    await expect.poll(visibleCount).toBeGreaterThan(neighbours.size);
    expect(new URL(session.page.url()).searchParams.getAll("ego")).toEqual([BRUNEI, JCM]);
    await session.page.getByTestId("ego-exit").click();
    await expect.poll(visibleCount).toBe(graph.nodes.length);
  });

  test("brushing the timeline filters the graph to the months covered; undated meetings are counted apart", async () => {
    await openViewer(session.page, session.url);
    const strip = session.page.getByTestId("timeline-brush");
    const box = await strip.boundingBox();
    if (!box) throw new Error("no timeline");
    await session.page.mouse.move(box.x + box.width * 0.01, box.y + box.height / 2);
    await session.page.mouse.down();
    await session.page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2);
    await session.page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
    await session.page.mouse.up();
    await expect.poll(() => session.page.locator("input[name=from]").inputValue()).toBe("2020-04-01");
    expect(await session.page.locator("input[name=to]").inputValue()).toMatch(/^2021-01-31$/);
    const hidden = (node: string) => session.page.evaluate((key) => window.__diplograph?.sigma?.getNodeDisplayData(key)?.hidden, node);
    await expect.poll(() => hidden(JCM)).toBe(true);
    expect(await hidden("meeting:hoi-nghi-cap-cao-asean-37")).toBe(false);
    const undated = graph.nodes.filter((node) => node.attributes?.kind === "Meeting" && !node.attributes.date && !node.attributes.startDate).length;
    expect(await session.page.getByTestId("timeline-undated").textContent()).toContain(`${undated} hội nghị không rõ ngày`);
    await screenshot(session.page, "viewer-timeline");
    await session.page.getByTestId("timeline-clear").click();
    await expect.poll(visibleCount).toBe(graph.nodes.length);
  });
});

describe("small screens", () => {
  test("at 800×600 the panel is a drawer over a full-width canvas", async () => {
    await session.page.setViewportSize({ width: 800, height: 600 });
    await openViewer(session.page, `${session.url}?node=${encodeURIComponent(BRUNEI)}`);
    await session.page.getByTestId("node-panel").waitFor();
    const width = await session.page.evaluate(() => window.__diplograph?.sigma?.getDimensions().width ?? 0);
    expect(width).toBeGreaterThanOrEqual(780);
    // The filters open as a drawer too, and close with Escape.
    await session.page.getByRole("button", { name: /Tìm và lọc/ }).click();
    await expect.poll(() => search().isVisible()).toBe(true);
    await screenshot(session.page, "viewer-800x600");
    await session.page.keyboard.press("Escape");
    await expect.poll(() => search().isVisible()).toBe(false);
  });
});
