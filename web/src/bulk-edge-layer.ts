// The pale bulk of a large graph's edges, drawn outside sigma. Sigma keeps a display object
// per edge, runs the reducer on each, copies each into its WebGL buffers on every refresh
// and draws each as a GL line: on the 10,000-article build (116,000 edges) that was ≈ 0.5 s
// of the page's thread per refresh and ≈ 0.8 s of a software GPU per frame (SwiftShader, on
// any machine without a GPU). Here the edges shown are written as one-pixel lines into the
// pixels of a 2D canvas under sigma's edge layer (line-raster.ts), group by group in their
// relation's colour, from the typed arrays of edge-table.ts, and put on the canvas at once
// (as one path per type stroked on the canvas, the same lines took ≈ 0.2 s; one-pixel lines
// take less: docs/benchmarks.md). Sigma is given only the edges in focus (selected,
// hovered, results: drawn-graph.ts), drawn as arrows over these.
//
// The layer follows sigma: it redraws after each of sigma's frames when the camera, the
// positions, the edges shown or the dimming changed, and, like sigma with `hideEdgesOnMove`,
// draws nothing while the camera moves. While something is in focus the lines are dimmed,
// and the edges in focus, when too many for sigma's arrows, are drawn over them in their
// full colours.
import type Sigma from "sigma";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { fitLayer } from "./canvas-layer.ts";
import { NearestSegment } from "./edge-picker.ts";
import type { EdgeTable } from "./edge-table.ts";
import { maskOf } from "./edge-set.ts";
import { LineRaster, pixelOf } from "./line-raster.ts";

export const BULK_LAYER = "bulkEdges";

export interface BulkLook {
  /** Each relation type's pale colour. */
  pale: ReadonlyMap<string, string>;
  /** Each relation type's full colour, for edges in focus. */
  strong: ReadonlyMap<string, string>;
  /** The one colour of the other lines while something is in focus. */
  dimmed: string;
}

function sameBits(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

export class BulkEdgeLayer {
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  /** Graph positions of the nodes by index, read again after each of sigma's processings. */
  private readonly graphX: Float64Array;
  private readonly graphY: Float64Array;
  /** Viewport positions of the nodes by index, for the frame drawn last. */
  private readonly x: Float32Array;
  private readonly y: Float32Array;
  private positionsStale = true;
  private shown: ReadonlySet<string> | null = null;
  private mask: Uint8Array;
  private dimmed = false;
  private strong: ReadonlySet<string> | null = null;
  /** The edges in focus this layer draws in full colour, when sigma does not. */
  private strongMask: Uint8Array | null = null;
  /** What the canvas holds: camera, size, edges and dimming; null when it must be drawn again. */
  private drawn: string | null = null;
  /** The lines' pixels, put on the canvas whole (line-raster.ts); made again when the canvas is resized. */
  private image: ImageData | null = null;
  private raster: LineRaster | null = null;
  private readonly pixels = new Map<string, number>();
  private readonly listeners: Array<[event: "afterRender" | "afterProcess" | "resize", listener: () => void]>;

  constructor(
    private readonly sigma: Sigma,
    private readonly graph: KnowledgeGraph,
    private readonly table: EdgeTable,
    private readonly look: BulkLook,
  ) {
    // Under sigma's own edges (the ones in focus) and its nodes.
    this.canvas = sigma.createCanvas(BULK_LAYER, { beforeLayer: "edges" });
    const context = this.canvas.getContext("2d");
    if (!context) throw new Error("bulk edge layer: no 2D canvas context");
    this.context = context;
    const nodes = table.nodes.length;
    [this.graphX, this.graphY] = [new Float64Array(nodes), new Float64Array(nodes)];
    [this.x, this.y] = [new Float32Array(nodes), new Float32Array(nodes)];
    this.mask = new Uint8Array(table.keys.length);
    this.canvas.dataset.dimmed = "false";
    this.listeners = [
      ["afterRender", () => this.draw()],
      ["afterProcess", () => {
        this.positionsStale = true;
        this.drawn = null;
      }],
      ["resize", () => {
        fitLayer(sigma, this.canvas, this.context);
        this.drawn = null;
      }],
    ];
    for (const [event, listener] of this.listeners) sigma.on(event, listener);
    fitLayer(sigma, this.canvas, this.context);
  }

  /**
   * The edges to draw (by key), whether they are dimmed, and the edges in focus to draw in
   * full colour over them (null: none, or sigma draws them); drawn with sigma's next frame.
   */
  show(edges: ReadonlySet<string>, dimmed: boolean, strong: ReadonlySet<string> | null): void {
    if (edges !== this.shown) {
      this.shown = edges;
      const mask = maskOf(this.table, edges);
      // The same edges in another set (the filters' answer made again): the canvas holds them already.
      if (!sameBits(mask, this.mask)) this.drawn = null;
      this.mask = mask;
      this.canvas.dataset.edgeCount = String(mask.reduce((sum, shown) => sum + shown, 0));
    }
    if (dimmed !== this.dimmed) {
      this.dimmed = dimmed;
      this.canvas.dataset.dimmed = String(dimmed);
      this.drawn = null;
    }
    if (strong !== this.strong) {
      this.strong = strong;
      this.strongMask = strong ? maskOf(this.table, strong) : null;
      this.canvas.dataset.strongCount = String(strong?.size ?? 0);
      this.drawn = null;
    }
  }

  /** Draws the edges shown unless the canvas already holds them for this camera. */
  draw(): void {
    const sigma = this.sigma;
    const { width, height } = sigma.getDimensions();
    if (sigma.getSetting("hideEdgesOnMove") && this.moving()) {
      if (this.drawn !== "") this.context.clearRect(0, 0, width, height);
      this.drawn = "";
      return;
    }
    const transform = this.transform();
    const signature = `${transform.join(",")}|${width}x${height}`;
    if (signature === this.drawn) return;
    this.project(transform);
    const raster = this.clearedRaster();
    // One device pixel wide, as sigma's GL lines were.
    const ratio = raster.width / Math.max(width, 1);
    const { order, groups } = this.table;
    const strong = this.strongMask;
    if (this.dimmed) this.stroke(raster, ratio, 0, order.length, this.look.dimmed, this.mask, strong, width, height);
    if (!this.dimmed || strong) {
      let start = 0;
      for (const { type, end } of groups) {
        const palette = this.dimmed ? this.look.strong : this.look.pale;
        this.stroke(raster, ratio, start, end, palette.get(type) ?? this.look.dimmed, strong && this.dimmed ? strong : this.mask, null, width, height);
        start = end;
      }
    }
    if (this.image) this.context.putImageData(this.image, 0, 0);
    this.drawn = signature;
    // How often the lines were drawn (read by the tests: a change that shows nothing new draws none).
    this.canvas.dataset.draws = String(Number(this.canvas.dataset.draws ?? 0) + 1);
  }

  /** The shown edge nearest to a point of the canvas (viewport pixels), if one is close enough. */
  edgeAt(x: number, y: number): string | null {
    this.project(this.transform());
    const { source, target, keys } = this.table;
    const picker = new NearestSegment<number>(x, y);
    for (let edge = 0; edge < keys.length; edge += 1) {
      if (!this.mask[edge]) continue;
      const s = source[edge] ?? 0;
      const t = target[edge] ?? 0;
      picker.offer(edge, this.x[s] ?? 0, this.y[s] ?? 0, this.x[t] ?? 0, this.y[t] ?? 0);
    }
    return picker.nearest === null ? null : (keys[picker.nearest] ?? null);
  }

  kill(): void {
    for (const [event, listener] of this.listeners) this.sigma.off(event, listener);
    // Sigma may already be gone (the page closing): then so is its layer.
    if (this.sigma.getCanvases()[BULK_LAYER]) this.sigma.killLayer(BULK_LAYER);
  }

  /** Sigma's test for a moving camera, under which it leaves the edges out (`hideEdgesOnMove`). */
  private moving(): boolean {
    const captor = this.sigma.getMouseCaptor();
    return this.sigma.getCamera().isAnimated() || captor.isMoving || captor.draggedEvents > 0 || captor.currentWheelDirection !== 0;
  }

  /**
   * Graph coordinates to viewport pixels as sigma maps them now (its normalisation of the
   * drawn graph's extent, then the camera): an affine map, read off three points.
   */
  private transform(): [number, number, number, number, number, number] {
    const origin = this.sigma.graphToViewport({ x: 0, y: 0 });
    const alongX = this.sigma.graphToViewport({ x: 1, y: 0 });
    const alongY = this.sigma.graphToViewport({ x: 0, y: 1 });
    return [origin.x, origin.y, alongX.x - origin.x, alongX.y - origin.y, alongY.x - origin.x, alongY.y - origin.y];
  }

  private project([ox, oy, xx, xy, yx, yy]: readonly [number, number, number, number, number, number]): void {
    if (this.positionsStale) {
      // Sigma takes positions from the graph's attributes (the clustered view and ForceAtlas2
      // write them there), in the order of table.nodes.
      let i = 0;
      this.graph.forEachNode((_node, attributes) => {
        this.graphX[i] = attributes.x ?? 0;
        this.graphY[i] = attributes.y ?? 0;
        i += 1;
      });
      this.positionsStale = false;
    }
    const { graphX, graphY } = this;
    for (let i = 0; i < graphX.length; i += 1) {
      const x = graphX[i] ?? 0;
      const y = graphY[i] ?? 0;
      this.x[i] = ox + x * xx + y * yx;
      this.y[i] = oy + x * xy + y * yy;
    }
  }

  /** The canvas's pixels, blank, at its size in device pixels. */
  private clearedRaster(): LineRaster {
    const { width, height } = this.canvas;
    if (!this.image || !this.raster || this.image.width !== width || this.image.height !== height) {
      this.image = this.context.createImageData(Math.max(width, 1), Math.max(height, 1));
      this.raster = new LineRaster(this.image.width, this.image.height, this.image.data);
    } else this.raster.clear();
    return this.raster;
  }

  /**
   * The edges of `order[start..end)` marked in `include` and not in `exclude`, those crossing
   * the canvas only, in one colour; positions in CSS pixels, `ratio` device pixels to one.
   */
  private stroke(raster: LineRaster, ratio: number, start: number, end: number, color: string, include: Uint8Array, exclude: Uint8Array | null, width: number, height: number): void {
    const { order, source, target } = this.table;
    const { x, y } = this;
    let pixel = this.pixels.get(color);
    if (pixel === undefined) {
      pixel = pixelOf(color);
      this.pixels.set(color, pixel);
    }
    for (let k = start; k < end; k += 1) {
      const edge = order[k] ?? 0;
      if (!include[edge] || exclude?.[edge]) continue;
      const s = source[edge] ?? 0;
      const t = target[edge] ?? 0;
      const ax = x[s] ?? 0;
      const ay = y[s] ?? 0;
      const bx = x[t] ?? 0;
      const by = y[t] ?? 0;
      if ((ax < 0 && bx < 0) || (ax > width && bx > width) || (ay < 0 && by < 0) || (ay > height && by > height)) continue;
      raster.line(ax * ratio, ay * ratio, bx * ratio, by * ratio, pixel);
    }
  }
}
