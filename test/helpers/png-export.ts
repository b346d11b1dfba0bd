// The viewer's PNG export compared, pixel by pixel, with the page's own 2D layers as they were
// at the click (web/src/view-image.ts copies them into the image): the layers are copied and
// the button clicked in one task, the download decoded in the page and each layer's ink
// looked for in it.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { pngPixels } from "./viewer-server.ts";

export interface LayerMatch {
  /** Pixels of the layer that count as its ink (see `ExportCheckMode`). */
  inked: number;
  /** Of those, the ones of the expected colour in the exported image. */
  matched: number;
}

export interface ImageCheck {
  width: number;
  height: number;
  canvasWidth: number;
  canvasHeight: number;
  layers: Record<string, LayerMatch>;
}

/**
 * `dark`: fully opaque dark ink (not a white halo, not anti-aliased edges, whose colour depends
 * on what lies under them) must have its own colour in the image. `screen`: every pixel where
 * the layer has ink must have the colour it has on screen (a screenshot of sigma's container,
 * taken with the page still), whatever is drawn over it there.
 */
export type ExportCheckMode = "dark" | { screen: Buffer };

/** The page's 2D layers as they are when the export starts. */
type Captured = Record<string, { width: number; height: number; pixels: Uint8ClampedArray }>;

declare global {
  interface Window {
    __layersAtExport?: Captured;
  }
}

/** Decodes the exported PNG in the page and compares it with the layers copied at the click. */
async function compareWithLayers(page: Page, png: Buffer, mode: ExportCheckMode): Promise<ImageCheck> {
  const image = await pngPixels(page, png);
  const screen = mode === "dark" ? null : await pngPixels(page, mode.screen);
  return page.evaluate(
    ({ image, screen }) => {
      const exported = image.data;
      const onScreen = screen?.data ?? null;
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
          const alpha = pixels[i + 3] ?? 0;
          if (above.some((upper) => (upper[i + 3] ?? 0) > 0)) continue;
          if (onScreen ? alpha === 0 : alpha !== 255 || !dark(pixels, i)) continue;
          inked += 1;
          const expected = onScreen ?? pixels;
          if ([0, 1, 2].every((channel) => Math.abs((exported[i + channel] ?? 0) - (expected[i + channel] ?? 0)) <= 2)) matched += 1;
        }
        result[layer] = { inked, matched };
      }
      return { width: image.width, height: image.height, canvasWidth, canvasHeight, layers: result };
    },
    { image, screen },
  );
}

/**
 * Clicks "PNG" (the named sigma layers, bottom to top, copied just before in the same task),
 * takes the download and compares. The page must accept downloads.
 */
export async function exportAndCompare(page: Page, layers: string[], mode: ExportCheckMode = "dark"): Promise<ImageCheck> {
  const download = page.waitForEvent("download");
  await page.evaluate((names) => {
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
  const check = await compareWithLayers(page, readFileSync(await file.path()), mode);
  expect([check.width, check.height]).toEqual([check.canvasWidth, check.canvasHeight]);
  return check;
}
