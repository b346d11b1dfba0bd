// Node labels that never overlap. Sigma's label grid keeps at most `labelDensity` labels per
// grid cell, but a label is wider than a cell (Vietnamese meeting names run to 300 px), so
// labels of neighbouring cells still pile up. The placer wraps sigma's label drawer: each
// frame it first reserves the boxes of the labels that must show (selected, searched, query
// results), then draws the grid's candidates only where they fit, and removes the ones it
// skips from sigma's displayed-label set, so `sigma.getNodeDisplayedLabels()` tells the truth
// (for sigma's first frame, drawn before the placer is attached, as soon as it is).
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { NodeDisplayData, PartialButFor } from "sigma/types";

export interface LabelBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Space kept free around each label so that neighbours stay legible, in pixels. */
const GAP = 2;

/**
 * The box of a label as sigma's disc drawer writes it: text starting `size + 3` px right of
 * the node's centre, baseline a third of the font size below it.
 */
export function labelBox(x: number, y: number, nodeSize: number, fontSize: number, textWidth: number): LabelBox {
  const left = x + nodeSize + 3;
  return { left: left - GAP, top: y - 0.65 * fontSize - GAP, right: left + textWidth + GAP, bottom: y + 0.5 * fontSize + GAP };
}

export function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

type LabelData = PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color"> & { key?: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- sigma's settings are generic over the graph's attributes
type AnySettings = Settings<any, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySigma = Sigma<any, any, any>;

/** Sigma's label, on a white halo so that it stays legible over edges and other nodes. */
function drawHaloLabel(context: CanvasRenderingContext2D, label: string, x: number, y: number, settings: AnySettings): void {
  context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
  context.lineJoin = "round";
  context.lineWidth = 3;
  context.strokeStyle = "rgba(255, 255, 255, 0.9)";
  context.strokeText(label, x, y);
  context.fillStyle = settings.labelColor.color ?? "#000";
  context.fillText(label, x, y);
}

export class LabelPlacer {
  private placed: LabelBox[] = [];
  private readonly widths = new Map<string, number>();
  private measure: CanvasRenderingContext2D | null = null;
  private sigma: AnySigma | null = null;
  private forced: () => Iterable<string> = () => [];
  private inFrame = false;
  /** Labels skipped in sigma's first frame, drawn in its constructor before attach(). */
  private readonly pendingSkips = new Set<string>();

  /** Takes the sigma to read forced labels from and to correct; returns the detach function. */
  attach(sigma: AnySigma, forced: () => Iterable<string>): () => void {
    this.sigma = sigma;
    this.forced = forced;
    const displayed = (sigma as unknown as { displayedNodeLabels: Set<string> }).displayedNodeLabels;
    for (const key of this.pendingSkips) displayed.delete(key);
    this.pendingSkips.clear();
    return () => {
      this.sigma = null;
      this.forced = () => [];
    };
  }

  /** The drawer to give sigma as `defaultDrawNodeLabel`. */
  readonly drawLabel = (context: CanvasRenderingContext2D, data: LabelData, settings: AnySettings): void => {
    // Sigma draws a frame's labels in one synchronous run: the first call of a run starts a
    // new frame, and a microtask (which runs once the frame is drawn) ends it.
    if (!this.inFrame) {
      this.inFrame = true;
      queueMicrotask(() => {
        this.inFrame = false;
      });
      this.reserve(this.forced());
    }
    if (!data.label) return this.skip(data.key);
    const box = labelBox(data.x, data.y, data.size, settings.labelSize, this.width(data.label, settings));
    if (!data.forceLabel) {
      if (this.placed.some((other) => overlaps(box, other))) return this.skip(data.key);
      this.placed.push(box);
    }
    drawHaloLabel(context, data.label, data.x + data.size + 3, data.y + settings.labelSize / 3, settings);
  };

  private reserve(keys: Iterable<string>): void {
    this.placed = [];
    const sigma = this.sigma;
    if (!sigma) return;
    const settings = sigma.getSettings();
    for (const key of keys) {
      const data = sigma.getNodeDisplayData(key);
      if (!data || data.hidden || !data.label) continue;
      const { x, y } = sigma.framedGraphToViewport(data);
      this.placed.push(labelBox(x, y, sigma.scaleSize(data.size), settings.labelSize, this.width(data.label, settings)));
    }
  }

  private skip(key: string | undefined): void {
    if (key === undefined) return;
    // Sigma counts a label as shown before it calls the drawer; undo that for a skipped one
    // (at once, or when attached for the first frame).
    if (this.sigma) (this.sigma as unknown as { displayedNodeLabels: Set<string> }).displayedNodeLabels.delete(key);
    else this.pendingSkips.add(key);
  }

  private width(label: string, settings: AnySettings): number {
    const font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    const id = `${font}\u0000${label}`;
    let width = this.widths.get(id);
    if (width === undefined) {
      this.measure ??= document.createElement("canvas").getContext("2d");
      if (!this.measure) return label.length * settings.labelSize * 0.6;
      this.measure.font = font;
      width = this.measure.measureText(label).width;
      this.widths.set(id, width);
    }
    return width;
  }
}
