// The viewer on 2,000 synthetic articles (≈ 12,000 nodes, 28,000 edges) in a real Chromium:
// the first picture is readable — checked from sigma's own state: no node drawn wider than
// 5 % of the canvas, no two drawn labels overlapping — articles are hidden but searchable,
// the article list is virtual and searchable, the camera buttons move the camera, and the ego
// view gives sigma only its own part of the graph to draw. Past 2,000 edges the bulk of them
// is drawn outside sigma (bulk-edge-layer.ts): the layer draws every edge shown and follows
// the filters, a click on one of its lines opens that edge (in the clustered view too), and
// the PNG export holds it.
import { describe, expect, test } from "vitest";
import { exportAndCompare } from "../helpers/png-export.ts";
import { buildSyntheticGraph } from "../helpers/synthetic-build.ts";
import { screenshot } from "../helpers/viewer-browser.ts";
import { openViewer } from "../helpers/viewer-server.ts";
import { useViewerSession } from "../helpers/viewer-session.ts";

const ARTICLES = 2_000;

const session = useViewerSession({ graphPath: () => buildSyntheticGraph(ARTICLES), setupTimeout: 300_000, page: { acceptDownloads: true } });

const BULK = "canvas.sigma-bulkEdges";
const cameraIdle = () => session.page.waitForFunction(() => window.__diplograph?.sigma?.getCamera().isAnimated() === false);
/** Waits for two frames: what the last change asked for is drawn. */
const nextFrames = () => session.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** The edges the summary says are shown ("… · N/M quan hệ"). */
async function shownEdgeCount(): Promise<number> {
  const summary = (await session.page.getByTestId("summary").textContent()) ?? "";
  const count = /(\d+)\/\d+ quan hệ/.exec(summary)?.[1];
  if (count === undefined) throw new Error(`no edge count in the summary: ${summary}`);
  return Number(count);
}

interface BulkState {
  /** Nodes and edges of sigma's graph, and nodes of the loaded graph and of the view. */
  sigmaNodes: number;
  sigmaEdges: number;
  graphNodes: number;
  shownNodes: number;
  /** Edges the bulk layer draws, whether dimmed, the edges in focus it draws in full colour, and its pixels with ink (orange ones: CHAIRED in full colour). */
  bulkEdges: number;
  dimmed: string | undefined;
  strong: number;
  inked: number;
  orange: number;
  /** How many times the bulk layer has drawn its lines. */
  draws: number;
}

const bulkState = () =>
  session.page.evaluate((selector): BulkState => {
    const probe = window.__diplograph;
    const sigma = probe?.sigma;
    const canvas = document.querySelector<HTMLCanvasElement>(selector);
    const context = canvas?.getContext("2d");
    if (!probe || !sigma || !canvas || !context) throw new Error("no sigma or no bulk edge layer");
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    let orange = 0;
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] ?? 0) > 0) inked += 1;
      if ((data[i + 3] ?? 0) > 128 && (data[i] ?? 0) > 180 && (data[i + 1] ?? 255) < 120 && (data[i + 2] ?? 255) < 60) orange += 1;
    }
    return {
      sigmaNodes: sigma.getGraph().order,
      sigmaEdges: sigma.getGraph().size,
      graphNodes: probe.graph.order,
      shownNodes: Number(document.querySelector("[data-testid=app]")?.getAttribute("data-visible-node-count")),
      bulkEdges: Number(canvas.dataset.edgeCount),
      dimmed: canvas.dataset.dimmed,
      strong: Number(canvas.dataset.strongCount),
      inked,
      orange,
      draws: Number(canvas.dataset.draws ?? 0),
    };
  }, BULK);

/**
 * Clicks the middle of a shown edge, away from every node, and returns what was clicked and
 * the edge whose panel opened, with its distance from the click (by sigma's node positions).
 */
async function clickAnEdge(): Promise<{ opened: string; distance: number; inSigma: boolean; size: number | undefined }> {
  const target = await session.page.evaluate(() => {
    const probe = window.__diplograph;
    const sigma = probe?.sigma;
    if (!probe || !sigma) throw new Error("no sigma");
    const { width, height } = sigma.getDimensions();
    const shown = (key: string) => {
      const data = sigma.getNodeDisplayData(key);
      return data && !data.hidden ? { ...sigma.framedGraphToViewport(data), radius: sigma.scaleSize(data.size) } : null;
    };
    const discs = probe.graph.nodes().flatMap((key) => shown(key) ?? []);
    for (const edge of probe.graph.edges()) {
      const [a, b] = probe.graph.extremities(edge).map(shown);
      if (!a || !b || Math.hypot(b.x - a.x, b.y - a.y) < 80) continue;
      const [x, y] = [(a.x + b.x) / 2, (a.y + b.y) / 2];
      if (x < 40 || x > width - 40 || y < 40 || y > height - 40) continue;
      if (discs.some((disc) => Math.hypot(disc.x - x, disc.y - y) < disc.radius + 12)) continue;
      const box = sigma.getContainer().getBoundingClientRect();
      return { x, y, pageX: box.left + x, pageY: box.top + y };
    }
    throw new Error("no edge with its middle clear of the nodes");
  });
  await session.page.mouse.click(target.pageX, target.pageY);
  const panel = session.page.getByTestId("edge-panel");
  await panel.waitFor();
  const opened = (await panel.getAttribute("data-edge")) ?? "";
  await nextFrames();
  const drawn = await session.page.evaluate((edge) => {
    const sigma = window.__diplograph?.sigma;
    return { inSigma: sigma?.getGraph().hasEdge(edge) ?? false, size: sigma?.getEdgeDisplayData(edge)?.size };
  }, opened);
  // The panel narrows the canvas: closed, the canvas and the positions are as at the click.
  await session.page.keyboard.press("Escape");
  await expect.poll(() => panel.count()).toBe(0);
  await nextFrames();
  const distance = await session.page.evaluate(
    ({ edge, x, y }) => {
      const probe = window.__diplograph;
      const sigma = probe?.sigma;
      if (!probe || !sigma) throw new Error("no sigma");
      const [a, b] = probe.graph.extremities(edge).map((key) => {
        const data = sigma.getNodeDisplayData(key);
        if (!data) throw new Error(`${key} not drawn`);
        return sigma.framedGraphToViewport(data);
      });
      if (!a || !b) throw new Error("no ends");
      const [dx, dy] = [b.x - a.x, b.y - a.y];
      const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
    },
    { edge: opened, x: target.x, y: target.y },
  );
  return { opened, distance, ...drawn };
}

interface DrawnPicture {
  width: number;
  height: number;
  widestNode: number;
  labels: Array<{ key: string; left: number; top: number; right: number; bottom: number }>;
}

/** What sigma drew: node widths in pixels and the boxes of the labels it reports as shown. */
function drawnPicture(): Promise<DrawnPicture> {
  return session.page.evaluate(() => {
    const sigma = window.__diplograph?.sigma;
    if (!sigma) throw new Error("no sigma");
    const { width, height } = sigma.getDimensions();
    let widestNode = 0;
    sigma.getGraph().forEachNode((node) => {
      const data = sigma.getNodeDisplayData(node);
      if (data && !data.hidden) widestNode = Math.max(widestNode, 2 * sigma.scaleSize(data.size));
    });
    const settings = sigma.getSettings();
    const context = document.createElement("canvas").getContext("2d");
    if (!context) throw new Error("no 2d context");
    context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    const labels = [...sigma.getNodeDisplayedLabels()].map((key) => {
      const data = sigma.getNodeDisplayData(key);
      if (!data?.label) throw new Error(`label of ${key} reported shown but has no text`);
      const { x, y } = sigma.framedGraphToViewport(data);
      // Where sigma's disc label drawer writes the text: right of the node, baseline a third below.
      const left = x + sigma.scaleSize(data.size) + 3;
      const fontSize = settings.labelSize;
      return { key, left, top: y - 0.65 * fontSize, right: left + context.measureText(data.label).width, bottom: y + 0.5 * fontSize };
    });
    return { width, height, widestNode, labels };
  });
}

describe(`viewer on ${ARTICLES} synthetic articles`, () => {
  test("first picture: no node wider than 5 % of the canvas, no two labels overlapping", async () => {
    await openViewer(session.page, session.url);
    await session.page.waitForFunction(() => window.__diplograph?.sigma?.getCamera().isAnimated() === false);
    // A camera change is drawn on the next frame: read sigma's labels once that frame is done.
    await session.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const picture = await drawnPicture();
    expect(picture.widestNode).toBeLessThanOrEqual(0.05 * picture.width);
    expect(picture.labels.length).toBeGreaterThanOrEqual(5);
    const overlapping: string[] = [];
    for (const [i, a] of picture.labels.entries()) {
      for (const b of picture.labels.slice(i + 1)) {
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlapping.push(`${a.key} × ${b.key}`);
      }
    }
    expect(overlapping).toEqual([]);
    await screenshot(session.page, "viewer-2000-articles");
    expect(session.pageErrors).toEqual([]);
  });

  test("articles are hidden at first, yet found by the search and opened in the panel", async () => {
    await openViewer(session.page, session.url);
    expect(await session.page.locator("input[name=kind-Article]").isChecked()).toBe(false);
    const article = await session.page.evaluate(() => {
      const graph = window.__diplograph?.graph;
      const key = graph?.findNode((_node, attributes) => attributes.kind === "Article");
      // Not drawn: out of sigma's graph (it holds the part shown), or hidden by the reducer.
      const sigma = window.__diplograph?.sigma;
      const drawn = Boolean(sigma?.getGraph().hasNode(key ?? "") && sigma.getNodeDisplayData(key ?? "")?.hidden === false);
      return key && graph ? { key, drawn, title: String(graph.getNodeAttribute(key, "label")) } : null;
    });
    expect(article?.drawn).toBe(false);
    await session.page.getByRole("combobox", { name: "Tìm kiếm" }).fill(article?.title ?? "");
    await expect.poll(() => session.page.getByTestId("suggestions").textContent()).toContain(article?.title);
    await session.page.getByRole("option").filter({ hasText: "Article" }).first().click();
    expect(await session.page.getByTestId("node-panel").getAttribute("data-node")).toMatch(/^article:/);
  });

  test("the article list draws only the rows in sight, searches, and selects all or none", async () => {
    await openViewer(session.page, session.url);
    const list = session.page.getByTestId("article-filters");
    const rows = list.locator("input[type=checkbox]");
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await rows.count()).toBeLessThan(60);
    expect(await list.locator("legend").textContent()).toContain(`${ARTICLES}/${ARTICLES}`);
    await session.page.getByTestId("articles-none").click();
    expect(await list.locator("legend").textContent()).toContain(`0/${ARTICLES}`);
    await list.getByRole("searchbox").fill("synth_0000");
    await expect.poll(() => rows.count()).toBe(10);
    await session.page.getByTestId("articles-all").click();
    expect(await list.locator("legend").textContent()).toContain(`10/${ARTICLES}`);
  });

  test("zoom buttons move the camera; fit and reset bring it back", async () => {
    await openViewer(session.page, session.url);
    const ratio = () => session.page.evaluate(() => window.__diplograph?.sigma?.getCamera().getState().ratio ?? Number.NaN);
    const idle = () => session.page.waitForFunction(() => window.__diplograph?.sigma?.getCamera().isAnimated() === false);
    await idle();
    const start = await ratio();
    await session.page.getByTestId("zoom-in").click();
    await idle();
    expect(await ratio()).toBeLessThan(start);
    await session.page.getByTestId("zoom-out").click();
    await session.page.getByTestId("zoom-out").click();
    await idle();
    expect(await ratio()).toBeGreaterThan(start);
    // (the camera animates after a click: wait until it has come to the ratio rather than for the first idle
    // moment, which under load can come before the animation starts; a camera that never gets there times out)
    const settlesAt = (target: number) => session.page.waitForFunction(
      (want) => Math.abs((window.__diplograph?.sigma?.getCamera().getState().ratio ?? Number.NaN) - want) < 0.005 && window.__diplograph?.sigma?.getCamera().isAnimated() === false,
      target, { timeout: 15_000 });
    await session.page.getByTestId("zoom-fit").click();
    await settlesAt(start);
    expect(await ratio()).toBeCloseTo(start, 2);
    await session.page.getByTestId("zoom-reset").click();
    await settlesAt(1);
    expect(await ratio()).toBe(1);
  });

  test("the ego view gives sigma only the node, its neighbours and the edges among them; leaving it gives back the first view's nodes", async () => {
    await openViewer(session.page, session.url);
    const centre = await session.page.evaluate(() => {
      const graph = window.__diplograph?.graph;
      let best = "";
      graph?.forEachNode((key, attributes) => {
        if (attributes.kind === "Official" && (!best || graph.degree(key) > graph.degree(best))) best = key;
      });
      return best;
    });
    await openViewer(session.page, `${session.url}?node=${encodeURIComponent(centre)}`);
    await session.page.getByTestId("ego-1").click();
    await session.page.getByTestId("ego-bar").waitFor();
    const drawn = () =>
      session.page.evaluate((key) => {
        const probe = window.__diplograph;
        const sigma = probe?.sigma;
        if (!probe || !sigma) return null;
        const part = sigma.getGraph();
        // Articles are hidden in a large graph, and so stay out of its ego views.
        const expected = new Set([key, ...probe.graph.neighbors(key)].filter((node) => probe.graph.getNodeAttribute(node, "kind") !== "Article"));
        let edgesAmong = 0;
        probe.graph.forEachEdge((_edge, _attributes, source, target) => {
          if (expected.has(source) && expected.has(target)) edgesAmong += 1;
        });
        const firstView = probe.graph.filterNodes((_node, attributes) => attributes.kind !== "Article").length;
        return {
          isFirstView: part.order === firstView,
          bulkEdges: Number(document.querySelector<HTMLCanvasElement>("canvas.sigma-bulkEdges")?.dataset.edgeCount),
          nodes: part.nodes().sort(),
          expected: [...expected].sort(),
          edges: part.size,
          edgesAmong,
          hidden: part.filterNodes((node) => sigma.getNodeDisplayData(node)?.hidden !== false),
          visibleCount: Number(document.querySelector("[data-testid=app]")?.getAttribute("data-visible-node-count")),
        };
      }, centre);
    await expect.poll(async () => (await drawn())?.isFirstView).toBe(false);
    const part = await drawn();
    expect(part?.nodes).toEqual(part?.expected);
    expect(part?.nodes.length).toBe(part?.visibleCount);
    expect(part?.edges).toBe(part?.edgesAmong);
    expect(part?.hidden).toEqual([]);
    // The edges among them are the bulk layer's to draw; sigma holds them too, as the
    // selected centre's neighbourhood is in focus.
    expect(part?.bulkEdges).toBe(part?.edgesAmong);
    await session.page.getByTestId("ego-exit").click();
    await expect.poll(async () => (await drawn())?.isFirstView).toBe(true);
    expect(session.pageErrors).toEqual([]);
  });

  test("sigma holds the nodes shown and the edges in focus; the bulk layer draws every edge shown and follows the filters", async () => {
    await openViewer(session.page, session.url);
    const first = await bulkState();
    // The articles hidden (a large graph's first view): sigma is given the other nodes only.
    expect(first.sigmaNodes).toBe(first.shownNodes);
    expect(first.sigmaNodes).toBeLessThan(first.graphNodes);
    expect(first.sigmaEdges).toBe(0);
    expect(first.bulkEdges).toBe(await shownEdgeCount());
    expect(first.bulkEdges).toBeGreaterThan(20_000);
    expect(first.dimmed).toBe("false");
    expect(first.inked).toBeGreaterThan(50_000);

    await session.page.locator("input[name=kind-Official]").uncheck();
    await expect.poll(async () => (await bulkState()).bulkEdges).toBe(await shownEdgeCount());
    const fewer = await bulkState();
    expect(fewer.bulkEdges).toBeLessThan(first.bulkEdges / 2);
    // Drawn again, and differently: the pixels are not counted against the first view's, as
    // the camera moves in to frame the fewer nodes shown and their lines grow longer.
    expect(fewer.draws).toBeGreaterThan(first.draws);
    expect(fewer.inked).not.toBe(first.inked);

    await openViewer(session.page, `${session.url}?from=2020-01-01&to=2020-12-31`);
    const dated = await bulkState();
    expect(dated.bulkEdges).toBe(await shownEdgeCount());
    expect(dated.bulkEdges).toBeLessThan(first.bulkEdges);

    // A node opened: the rest is dimmed, and sigma holds the edges among its neighbourhood.
    const centre = await session.page.evaluate(() => {
      const graph = window.__diplograph?.graph;
      return graph?.findNode((key, attributes) => attributes.kind === "Meeting" && graph.degree(key) > 5) ?? "";
    });
    await openViewer(session.page, `${session.url}?node=${encodeURIComponent(centre)}`);
    await nextFrames();
    const focused = await bulkState();
    expect(focused.dimmed).toBe("true");
    const among = await session.page.evaluate((key) => {
      const graph = window.__diplograph?.graph;
      if (!graph) return -1;
      const shown = (node: string) => graph.getNodeAttribute(node, "kind") !== "Article";
      const near = new Set([key, ...graph.neighbors(key)].filter(shown));
      return graph.filterEdges((_edge, _attributes, source, target) => near.has(source) && near.has(target)).length;
    }, centre);
    expect(focused.sigmaEdges).toBe(among);
    expect(focused.sigmaEdges).toBeGreaterThan(0);
    expect(session.pageErrors).toEqual([]);
  });

  test("the first frame is drawn before graphology holds the edges; the whole graph, built after, redraws nothing", async () => {
    await openViewer(session.page, session.url);
    const loadState = () =>
      session.page.evaluate((selector) => {
        const probe = window.__diplograph;
        const canvas = document.querySelector<HTMLCanvasElement>(selector);
        return {
          firstFrameWhole: probe?.firstFrameWhole,
          firstRenderMs: probe?.firstRenderMs ?? Number.NaN,
          completeMs: probe?.completeMs ?? Number.NaN,
          wholeEdges: probe?.graph.size,
          edgeCount: Number(document.querySelector("[data-testid=app]")?.getAttribute("data-edge-count")),
          draws: canvas?.dataset.draws,
          bulkEdges: Number(canvas?.dataset.edgeCount),
        };
      }, BULK);
    const state = await loadState();
    expect(state.firstFrameWhole).toBe(false);
    expect(state.completeMs).toBeGreaterThan(state.firstRenderMs);
    expect(state.wholeEdges).toBe(state.edgeCount);
    // The first frame drew every edge shown; the whole graph's arrival drew the lines no second time.
    expect(state.bulkEdges).toBe(await shownEdgeCount());
    expect(state.draws).toBe("1");
    // A link that opens a node has its neighbourhood in the first frame: the whole graph is built before it.
    const centre = await session.page.evaluate(() => window.__diplograph?.graph.findNode((_key, attributes) => attributes.kind === "Meeting") ?? "");
    await openViewer(session.page, `${session.url}?node=${encodeURIComponent(centre)}`);
    expect((await loadState()).firstFrameWhole).toBe(true);
    await expect.poll(() => session.page.getByTestId("node-panel").locator("[data-testid=open-edge]").count()).toBeGreaterThan(0);
    expect(session.pageErrors).toEqual([]);
  });

  test("a hub in focus: its thousands of edges are drawn in full colour by the layer, not as sigma's arrows", async () => {
    await openViewer(session.page, session.url);
    const { hub, among } = await session.page.evaluate(() => {
      const graph = window.__diplograph?.graph;
      if (!graph) throw new Error("no graph");
      let best = "";
      graph.forEachNode((key, attributes) => {
        if (attributes.kind === "Country" && (!best || graph.degree(key) > graph.degree(best))) best = key;
      });
      const near = new Set([best, ...graph.neighbors(best)].filter((node) => graph.getNodeAttribute(node, "kind") !== "Article"));
      return { hub: best, among: graph.filterEdges((_edge, _attributes, source, target) => near.has(source) && near.has(target)).length };
    });
    expect(among).toBeGreaterThan(2_000);
    await openViewer(session.page, `${session.url}?node=${encodeURIComponent(hub)}`);
    await nextFrames();
    const focused = await bulkState();
    expect(focused.sigmaEdges).toBe(0);
    expect(focused.strong).toBe(among);
    expect(focused.dimmed).toBe("true");
    expect(focused.orange).toBeGreaterThan(100);
    await session.page.keyboard.press("Escape");
    await expect.poll(async () => (await bulkState()).dimmed).toBe("false");
    const after = await bulkState();
    expect([after.strong, after.sigmaEdges, after.orange]).toEqual([0, 0, 0]);
    expect(session.pageErrors).toEqual([]);
  });

  test("a click on a pale line opens that edge, in the first view and in the clustered view", async () => {
    await openViewer(session.page, session.url);
    await cameraIdle();
    const plain = await clickAnEdge();
    expect(plain.distance).toBeLessThanOrEqual(5);
    // The selected edge is sigma's to draw, as a thick arrow over the bulk.
    expect(plain.inSigma).toBe(true);
    expect(plain.size).toBe(4);

    // Grouped by community every node moves: the layer draws (and picks) at the new places.
    await openViewer(session.page, `${session.url}?communities=1&clustered=1`);
    await expect.poll(() => session.page.getByTestId("communities").getAttribute("data-layout"), { timeout: 60_000 }).toBe("on");
    await cameraIdle();
    await nextFrames();
    const clustered = await clickAnEdge();
    expect(clustered.distance).toBeLessThanOrEqual(5);
    await screenshot(session.page, "viewer-2000-clustered-edge");
    expect(session.pageErrors).toEqual([]);
  });

  test("the PNG export holds the bulk of the edges as drawn on screen", async () => {
    await openViewer(session.page, session.url);
    await cameraIdle();
    await session.page.addStyleTag({ content: ".camera-controls { visibility: hidden; }" });
    await nextFrames();
    const screen = await session.page.locator(".sigma-container").screenshot();
    const check = await exportAndCompare(session.page, ["bulkEdges"], { screen });
    const bulk = check.layers.bulkEdges;
    expect(bulk?.inked).toBeGreaterThan(50_000);
    expect(bulk?.matched).toBeGreaterThanOrEqual(Math.floor((bulk?.inked ?? 0) * 0.98));
    expect(session.pageErrors).toEqual([]);
  });
});
