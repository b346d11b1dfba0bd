// The viewer's server on a free port of 127.0.0.1 for the browser tests, with the web
// bundle built first (as `npm start` would) and the page helpers the tests share.
import type { FastifyInstance } from "fastify";
import type { JSHandle, Page } from "playwright-core";
import type Sigma from "sigma";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../../src/graph/types.ts";
import { createViewerServer } from "../../src/server/app.ts";
import type { CypherConsole } from "../../src/server/types.ts";
import { WEB_ROOT, ensureWebBundle } from "../../src/server/web-bundle.ts";

export interface TestViewer {
  url: string;
  close(): Promise<void>;
}

/** `webRoot`: another build of the bundle (a benchmark comparing two versions); by default web/dist, rebuilt if stale. */
export async function startTestViewer(graphPath: string, cypher?: CypherConsole, webRoot?: string): Promise<TestViewer> {
  if (!webRoot) await ensureWebBundle({ log: () => {} });
  const app: FastifyInstance = await createViewerServer({ graphPath, webRoot: webRoot ?? WEB_ROOT, cypher });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("viewer test server: no TCP address");
  return { url: `http://127.0.0.1:${address.port}/`, close: () => app.close() };
}

/**
 * Opens the viewer (optionally with a query string) and waits until sigma has drawn a frame
 * and the page holds the whole graph (a large graph's edges are added after its first frame).
 */
export async function openViewer(page: Page, url: string): Promise<void> {
  await openViewerFirstFrame(page, url);
  await page.waitForFunction(() => window.__diplograph?.completeMs != null);
}

/** Opens the viewer and waits for its first frame only (the benchmark's first render). */
export async function openViewerFirstFrame(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector("[data-testid=app]");
  await page.waitForFunction(() => window.__diplograph?.sigma != null && window.__diplograph.firstRenderMs != null);
}

/** A PNG decoded in the page: a handle on its size and RGBA pixels, for code run there. */
export function pngPixels(page: Page, png: Buffer): Promise<JSHandle<{ width: number; height: number; data: Uint8ClampedArray }>> {
  return page.evaluateHandle(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D context");
    context.drawImage(image, 0, 0);
    return { width: image.width, height: image.height, data: context.getImageData(0, 0, canvas.width, canvas.height).data };
  }, png.toString("base64"));
}

/** Pixels of an element that are not (near) white: decoded in the page from a screenshot. */
export async function inkedPixels(page: Page, selector: string): Promise<number> {
  const pixels = await pngPixels(page, await page.locator(selector).screenshot());
  return page.evaluate(({ data }) => {
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 235 || (data[i + 1] ?? 255) < 235 || (data[i + 2] ?? 255) < 235) inked += 1;
    return inked;
  }, pixels);
}

/** What the viewer exposes on `window` for tests and the benchmark (web/src/App.tsx). */
export interface ViewerProbe {
  graph: KnowledgeGraph;
  sigma: Sigma<NodeAttributes, EdgeAttributes, GraphAttributes> | null;
  visibleNodes: ReadonlySet<string>;
  firstRenderMs: number | null;
  completeMs: number | null;
  firstFrameWhole: boolean | null;
}

declare global {
  interface Window {
    __diplograph?: ViewerProbe;
  }
}
