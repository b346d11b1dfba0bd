// The PNG export in a real Chromium, on the sample graph: the image is the picture on screen,
// checked pixel by pixel against the page's own 2D layers as they were at the click — the labels of the first view, then
// the dashed Cypher path (a layer the viewer draws itself, dashed-layer.ts) after an answer
// through MENTIONED_IN, a relationship only Neo4j holds (answered here by a stub console).
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { sampleGraph } from "../helpers/sample-graph.ts";
import { stubCypherConsole } from "../helpers/stub-cypher.ts";
import { screenshot } from "../helpers/viewer-browser.ts";
import { openViewer } from "../helpers/viewer-server.ts";
import { useViewerSession } from "../helpers/viewer-session.ts";

const JCM = "meeting:hoi-nghi-tham-van-chung-asean";
const ARTICLE = "article:002_fcf32e649116f6ed";
// `MATCH p = (m:Meeting {key: …})-[:MENTIONED_IN]->(a:Article) RETURN p` as Neo4j answers it.
const cypher = stubCypherConsole({
  columns: ["p"],
  rows: [{ p: { $type: "path" } }],
  subgraph: { nodes: [JCM, ARTICLE], relationships: [{ source: JCM, target: ARTICLE, type: "MENTIONED_IN" }] },
  truncated: false,
  cut: null,
});

const session = useViewerSession({ graphPath: () => sampleGraph().path, cypher, page: { acceptDownloads: true } });

interface LayerMatch {
  /** Opaque dark pixels of the page's layer (ink, not the white halo). */
  inked: number;
  /** Of those, the ones of the same colour in the exported image. */
  matched: number;
}

interface ImageCheck {
  width: number;
  height: number;
  canvasWidth: number;
  canvasHeight: number;
  layers: Record<string, LayerMatch>;
}

/** The page's 2D layers as they are when the export starts: copied, then the button clicked, in one task. */
type Captured = Record<string, { width: number; height: number; pixels: Uint8ClampedArray }>;

declare global {
  interface Window {
    __layersAtExport?: Captured;
  }
}

/** Decodes the exported PNG in the page and compares it with the layers copied at the click. */
function compareWithLayers(png: Buffer): Promise<ImageCheck> {
  return session.page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const flat = document.createElement("canvas");
    flat.width = image.width;
    flat.height = image.height;
    const context = flat.getContext("2d");
    if (!context) throw new Error("no 2D context");
    context.drawImage(image, 0, 0);
    const exported = context.getImageData(0, 0, flat.width, flat.height).data;
    const dark = (data: Uint8ClampedArray, i: number) => 0.299 * (data[i] ?? 255) + 0.587 * (data[i + 1] ?? 255) + 0.114 * (data[i + 2] ?? 255) < 128;
    const result: Record<string, { inked: number; matched: number }> = {};
    let canvasWidth = 0;
    let canvasHeight = 0;
    // Captured bottom to top: a layer's pixel counts only where no layer above it has ink.
    const captured = Object.entries(window.__layersAtExport ?? {});
    for (const [position, [layer, { width, height, pixels }]] of captured.entries()) {
      [canvasWidth, canvasHeight] = [width, height];
      const above = captured.slice(position + 1).map(([, upper]) => upper.pixels);
      let inked = 0;
      let matched = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        // Fully opaque dark ink of the layer (not the white halo, not the anti-aliased edges,
        // whose colour depends on what lies under them): the image must have the same colour.
        if (pixels[i + 3] !== 255 || !dark(pixels, i) || above.some((upper) => (upper[i + 3] ?? 0) > 0)) continue;
        inked += 1;
        if ([0, 1, 2].every((channel) => Math.abs((exported[i + channel] ?? 0) - (pixels[i + channel] ?? 0)) <= 2)) matched += 1;
      }
      result[layer] = { inked, matched };
    }
    return { width: image.width, height: image.height, canvasWidth, canvasHeight, layers: result };
  }, png.toString("base64"));
}

/** Clicks "PNG" (the layers, bottom to top, copied just before in the same task), takes the download and compares. */
async function exportAndCompare(layers: string[]): Promise<ImageCheck> {
  const download = session.page.waitForEvent("download");
  await session.page.evaluate((names) => {
    const sigma = window.__diplograph?.sigma;
    const captured: Captured = {};
    for (const name of names) {
      const canvas = sigma?.getCanvases()[name];
      const context = canvas?.getContext("2d");
      if (!canvas || !context) throw new Error(`no 2D layer ${name}`);
      captured[name] = { width: canvas.width, height: canvas.height, pixels: context.getImageData(0, 0, canvas.width, canvas.height).data };
    }
    window.__layersAtExport = captured;
    document.querySelector<HTMLButtonElement>("[data-testid=export-png]")?.click();
  }, layers);
  const file = await download;
  expect(file.suggestedFilename()).toBe("diplograph-view.png");
  const check = await compareWithLayers(readFileSync(await file.path()));
  expect([check.width, check.height]).toEqual([check.canvasWidth, check.canvasHeight]);
  return check;
}

const drawnLabelCount = () => session.page.evaluate(() => window.__diplograph?.sigma?.getNodeDisplayedLabels().size ?? 0);
const cameraIdle = () => session.page.waitForFunction(() => window.__diplograph?.sigma?.getCamera().isAnimated() === false);

describe("PNG export", () => {
  test("the image holds every label drawn on screen, then the dashed Cypher path", async () => {
    const { page } = session;
    await openViewer(page, session.url);
    // The console switches on when the server says Neo4j answers, and the canvas shrinks to
    // make room: the pictures are compared once the page has settled.
    const console = page.getByTestId("cypher-console");
    await expect.poll(() => console.getAttribute("data-enabled")).toBe("true");
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await cameraIdle();
    // The first view: labels of the grid, not only forced ones (which the old export kept alone).
    const labelsShown = await drawnLabelCount();
    expect(labelsShown).toBeGreaterThan(5);
    const plain = await exportAndCompare(["labels"]);
    expect(plain.layers.labels?.inked).toBeGreaterThan(40 * labelsShown);
    expect(plain.layers.labels?.matched).toBeGreaterThanOrEqual(Math.floor((plain.layers.labels?.inked ?? 0) * 0.98));

    await page.locator(".cypher-editor .cm-content").click();
    await page.keyboard.insertText(`MATCH p = (m:Meeting {key: '${JCM}'})-[:MENTIONED_IN]->(a:Article) RETURN p`);
    await page.getByTestId("cypher-run").click();
    await expect.poll(() => page.locator("canvas.sigma-resultPaths").getAttribute("data-edge-count")).toBe("1");
    await cameraIdle();
    const withPath = await exportAndCompare(["resultPaths", "labels"]);
    await screenshot(page, "viewer-export-png-page");
    const dashed = withPath.layers.resultPaths;
    const labels = withPath.layers.labels;
    // The dashed line and its type's name, in the image where they are on screen.
    expect(dashed?.inked).toBeGreaterThan(50);
    expect(dashed?.matched).toBeGreaterThanOrEqual(Math.floor((dashed?.inked ?? 0) * 0.98));
    // The result's two labels.
    expect(labels?.inked).toBeGreaterThan(80);
    expect(labels?.matched).toBeGreaterThanOrEqual(Math.floor((labels?.inked ?? 0) * 0.98));
    expect(session.pageErrors).toEqual([]);
  });
});
