// Which edge a click landed on, by geometry. Sigma can pick edges itself, but only by drawing
// every edge a second time (into a picking layer) on every frame, which on a software GPU
// doubles the cost of each pan over 30,000 edges; a click is rare, so it measures instead:
// the distance from the click to each drawn edge's segment, in screen pixels. The edges sigma
// draws are measured here; the bulk of a large graph's, which sigma does not hold, by the
// bulk edge layer (bulk-edge-layer.ts) with the same rule.
import type Sigma from "sigma";

/** How far from a line a click still counts as on it, in pixels. */
const TOLERANCE = 5;

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The nearest to a point of the segments offered to it, if one is within the tolerance. */
export class NearestSegment<K> {
  nearest: K | null = null;
  private distance = TOLERANCE;

  constructor(
    private readonly x: number,
    private readonly y: number,
  ) {}

  offer(key: K, ax: number, ay: number, bx: number, by: number): void {
    const { x, y, distance } = this;
    // Cheap rejection first: outside the segment's box widened by the tolerance.
    if (x < Math.min(ax, bx) - distance || x > Math.max(ax, bx) + distance) return;
    if (y < Math.min(ay, by) - distance || y > Math.max(ay, by) + distance) return;
    const from = distanceToSegment(x, y, ax, ay, bx, by);
    if (from < distance) {
      this.distance = from;
      this.nearest = key;
    }
  }
}

/** The edge sigma draws nearest to a point of the canvas (viewport pixels), if one is close enough. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any graph's sigma
export function edgeAtPoint(sigma: Sigma<any, any, any>, x: number, y: number): string | null {
  const picker = new NearestSegment<string>(x, y);
  const graph = sigma.getGraph();
  graph.forEachEdge((edge, _attributes, source, target) => {
    const data = sigma.getEdgeDisplayData(edge);
    if (!data || data.hidden) return;
    const from = sigma.getNodeDisplayData(source);
    const to = sigma.getNodeDisplayData(target);
    if (!from || !to || from.hidden || to.hidden) return;
    const a = sigma.framedGraphToViewport(from);
    const b = sigma.framedGraphToViewport(to);
    picker.offer(edge, a.x, a.y, b.x, b.y);
  });
  return picker.nearest;
}
