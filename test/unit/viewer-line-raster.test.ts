// The bulk edge layer's lines written into pixels (web/src/line-raster.ts), on random segments
// (fast-check): both ends inked when inside, every inked pixel within a pixel of the segment,
// a connected run of one pixel per step along the longer axis, clipping that changes nothing
// inside the buffer, nothing drawn for a segment outside it, and colours as RGBA bytes.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { PALE_RELATION_COLORS, towardWhite } from "../../web/src/kinds.ts";
import { LineRaster, pixelOf } from "../../web/src/line-raster.ts";

const W = 40;
const H = 30;

const inked = (raster: LineRaster) => {
  const cells: Array<[number, number]> = [];
  raster.pixels.forEach((pixel, i) => {
    if (pixel !== 0) cells.push([i % raster.width, Math.floor(i / raster.width)]);
  });
  return cells;
};

/** Distance from the centre of pixel (i, j) to the segment. */
function distance(i: number, j: number, ax: number, ay: number, bx: number, by: number): number {
  const [px, py] = [i + 0.5, j + 0.5];
  const [dx, dy] = [bx - ax, by - ay];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * A coordinate in [min, max) on a grid of 1/1024 px: finer than any screen position needs, and
 * exact when the clipping test moves a segment by 100 px (a subnormal shift would be lost there,
 * and the two buffers would be drawing different segments).
 */
const at = (min: number, max: number) => fc.integer({ min: min * 1024, max: max * 1024 - 1 }).map((n) => n / 1024);
const inside = fc.record({ ax: at(0, W), ay: at(0, H), bx: at(0, W), by: at(0, H) });
const anywhere = fc.record({ ax: at(-100, 140), ay: at(-100, 130), bx: at(-100, 140), by: at(-100, 130) });

describe("lines into pixels", () => {
  test("a segment inside: its ends inked, one pixel per step of its longer axis, each within a pixel of it", () => {
    fc.assert(
      fc.property(inside, ({ ax, ay, bx, by }) => {
        const raster = new LineRaster(W, H);
        raster.line(ax, ay, bx, by, 1);
        const cells = inked(raster);
        const key = (i: number, j: number) => j * W + i;
        const set = new Set(cells.map(([i, j]) => key(i, j)));
        expect(set.has(key(Math.floor(ax), Math.floor(ay)))).toBe(true);
        expect(set.has(key(Math.floor(bx), Math.floor(by)))).toBe(true);
        for (const [i, j] of cells) expect(distance(i, j, ax, ay, bx, by)).toBeLessThanOrEqual(Math.SQRT2);
        const steps = Math.max(Math.abs(Math.floor(bx) - Math.floor(ax)), Math.abs(Math.floor(by) - Math.floor(ay)));
        expect(cells.length).toBeLessThanOrEqual(steps + 1);
        expect(cells.length).toBeGreaterThanOrEqual(Math.min(steps + 1, 1));
      }),
      { numRuns: 2000 },
    );
  });

  test("clipping draws inside the buffer what a larger buffer draws there; a segment outside draws nothing", () => {
    fc.assert(
      fc.property(anywhere, ({ ax, ay, bx, by }) => {
        // The same segment in a buffer holding all of it (shifted by 100 px each way).
        const large = new LineRaster(W + 240, H + 230);
        large.line(ax + 100, ay + 100, bx + 100, by + 100, 1);
        const clipped = new LineRaster(W, H);
        clipped.line(ax, ay, bx, by, 1);
        const fromLarge = inked(large)
          .map(([i, j]) => [i - 100, j - 100] as [number, number])
          .filter(([i, j]) => i >= 0 && i < W && j >= 0 && j < H);
        const ours = inked(clipped);
        // Pixels on the buffer's border may differ by the rounding of the clipped ends: within one step.
        for (const [i, j] of ours) expect(distance(i, j, ax, ay, bx, by)).toBeLessThanOrEqual(Math.SQRT2);
        expect(Math.abs(ours.length - fromLarge.length)).toBeLessThanOrEqual(2);
        if (Math.max(ax, bx) < 0 || Math.min(ax, bx) >= W || Math.max(ay, by) < 0 || Math.min(ay, by) >= H) expect(ours).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  test("later lines over earlier ones; a colour is its RGBA bytes, opaque", () => {
    const raster = new LineRaster(4, 1);
    raster.line(0, 0.5, 3.9, 0.5, pixelOf("#102030"));
    raster.line(2, 0.5, 3.9, 0.5, pixelOf("#ffffff"));
    const bytes = new Uint8Array(raster.pixels.buffer);
    expect([...bytes.slice(0, 4)]).toEqual([0x10, 0x20, 0x30, 255]);
    expect([...bytes.slice(8, 12)]).toEqual([255, 255, 255, 255]);
    raster.clear();
    expect(raster.pixels.every((pixel) => pixel === 0)).toBe(true);
  });

  test("the pale colours, written rgb(r, g, b), are the same pixels as their #rrggbb; anything else is refused", () => {
    expect(pixelOf(towardWhite("#d35400", 0.7))).toBe(pixelOf(towardWhite("#d35400", 0.7).replace(/rgb\((\d+), (\d+), (\d+)\)/, (_, r, g, b) => `#${[r, g, b].map((c: string) => Number(c).toString(16).padStart(2, "0")).join("")}`)));
    expect([...new Uint8Array(new Uint32Array([pixelOf("rgb(242, 204, 179)")]).buffer)]).toEqual([242, 204, 179, 255]);
    for (const color of PALE_RELATION_COLORS.values()) expect(pixelOf(color) >>> 24).toBe(255);
    expect(() => pixelOf("rgba(1, 2, 3, 0.5)")).toThrow(RangeError);
    expect(() => pixelOf("red")).toThrow(RangeError);
  });
});
