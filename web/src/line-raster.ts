// One-pixel lines written straight into an RGBA pixel buffer: the bulk edge layer's drawing
// (bulk-edge-layer.ts), instead of a 2D canvas stroking each line as an antialiased hairline.
// One pixel per step along the axis the ends are further apart on, every line still drawn, the
// later over the earlier as on a canvas; the lines are not antialiased (a pale line is one pixel
// of its colour where a hairline spreads over two). Measured on the 50,000-node / 200,000-edge
// graph, alternated with the hairlines: first render 2,356–2,413 ms against 2,455–2,555 ms, the
// page's CPU 80–100 ms less (docs/benchmarks.md).

/**
 * A colour as the 32-bit pixel an RGBA buffer holds on a little-endian machine (every browser's),
 * opaque: `#rrggbb`, or `rgb(r, g, b)` as kinds.ts writes the pale colours.
 */
export function pixelOf(color: string): number {
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(color);
  if (!rgb && !/^#[0-9a-f]{6}$/i.test(color)) throw new RangeError(`line-raster: "${color}" is neither #rrggbb nor rgb(r, g, b)`);
  const value = rgb ? 0 : Number.parseInt(color.slice(1), 16);
  const [r, g, b] = rgb ? rgb.slice(1, 4).map(Number) : [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return ((255 << 24) | (b! << 16) | (g! << 8) | r!) >>> 0;
}

export class LineRaster {
  /** The pixels, row by row, as 32-bit RGBA words. */
  readonly pixels: Uint32Array;

  constructor(
    readonly width: number,
    readonly height: number,
    /** The bytes behind `pixels` (an ImageData's, to put on a canvas), or a new buffer. */
    bytes: Uint8ClampedArray = new Uint8ClampedArray(width * height * 4),
  ) {
    this.pixels = new Uint32Array(bytes.buffer, bytes.byteOffset, width * height);
  }

  clear(): void {
    this.pixels.fill(0);
  }

  /**
   * The segment from (ax, ay) to (bx, by), in pixels (the centre of pixel (i, j) is at
   * i + 0.5, j + 0.5), clipped to the buffer: one pixel per step along its longer axis.
   */
  line(ax: number, ay: number, bx: number, by: number, pixel: number): void {
    const { width, height, pixels } = this;
    // Liang–Barsky: the part of the segment inside [0, width) × [0, height); written out,
    // not as a closure, as it runs for every line of every frame.
    const dx = bx - ax;
    const dy = by - ay;
    const right = width - 1e-6;
    const bottom = height - 1e-6;
    let t0 = 0;
    let t1 = 1;
    // Each edge of the box: p the segment's motion across it, q its start's distance inside.
    for (let side = 0; side < 4; side += 1) {
      const p = side === 0 ? -dx : side === 1 ? dx : side === 2 ? -dy : dy;
      const q = side === 0 ? ax : side === 1 ? right - ax : side === 2 ? ay : bottom - ay;
      if (p === 0) {
        if (q < 0) return;
        continue;
      }
      const t = q / p;
      if (p < 0) {
        if (t > t1) return;
        if (t > t0) t0 = t;
      } else {
        if (t < t0) return;
        if (t < t1) t1 = t;
      }
    }
    const x0 = ax + t0 * dx;
    const y0 = ay + t0 * dy;
    const x1 = ax + t1 * dx;
    const y1 = ay + t1 * dy;
    const cx = x1 - x0;
    const cy = y1 - y0;
    // The pixels of the clipped ends: the first and last steps ink them, whatever the slope.
    const columnFirst = Math.min(width - 1, Math.max(0, Math.floor(x0)));
    const columnLast = Math.min(width - 1, Math.max(0, Math.floor(x1)));
    const rowFirst = Math.min(height - 1, Math.max(0, Math.floor(y0)));
    const rowLast = Math.min(height - 1, Math.max(0, Math.floor(y1)));
    // A step per pixel along the axis the ends' pixels are further apart on; between the ends,
    // the other coordinate where the segment crosses the centre of each column (or row). The two
    // loops are written out: one shared loop over strides took 10–15 % longer on 200,000 lines.
    if (Math.abs(columnLast - columnFirst) >= Math.abs(rowLast - rowFirst)) {
      const step = columnLast >= columnFirst ? 1 : -1;
      const count = Math.abs(columnLast - columnFirst);
      const slope = cx === 0 ? 0 : cy / cx;
      for (let i = 0, x = columnFirst; i <= count; i += 1, x += step) {
        const row = i === 0 ? rowFirst : i === count ? rowLast : Math.min(height - 1, Math.max(0, Math.floor(y0 + (x + 0.5 - x0) * slope)));
        pixels[row * width + x] = pixel;
      }
    } else {
      const step = rowLast >= rowFirst ? 1 : -1;
      const count = Math.abs(rowLast - rowFirst);
      const slope = cy === 0 ? 0 : cx / cy;
      for (let i = 0, y = rowFirst; i <= count; i += 1, y += step) {
        const column = i === 0 ? columnFirst : i === count ? columnLast : Math.min(width - 1, Math.max(0, Math.floor(x0 + (y + 0.5 - y0) * slope)));
        pixels[y * width + column] = pixel;
      }
    }
  }
}
