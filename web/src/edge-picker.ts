// Which edge a click landed on, by geometry. Sigma can pick edges itself, but only by drawing
// every edge a second time (into a picking layer) on every frame, which on a software GPU
// doubles the cost of each pan over 30,000 edges; a click is rare, so it measures instead:
// the distance from the click to each drawn edge's segment, in screen pixels.
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

/** The drawn edge nearest to a point of the canvas (viewport pixels), if one is close enough. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any graph's sigma
export function edgeAtPoint(sigma: Sigma<any, any, any>, x: number, y: number): string | null {
  let best: string | null = null;
  let bestDistance = TOLERANCE;
  const graph = sigma.getGraph();
  graph.forEachEdge((edge, _attributes, source, target) => {
    const data = sigma.getEdgeDisplayData(edge);
    if (!data || data.hidden) return;
    const from = sigma.getNodeDisplayData(source);
    const to = sigma.getNodeDisplayData(target);
    if (!from || !to || from.hidden || to.hidden) return;
    const a = sigma.framedGraphToViewport(from);
    const b = sigma.framedGraphToViewport(to);
    // Cheap rejection first: outside the segment's box widened by the tolerance.
    if (x < Math.min(a.x, b.x) - bestDistance || x > Math.max(a.x, b.x) + bestDistance) return;
    if (y < Math.min(a.y, b.y) - bestDistance || y > Math.max(a.y, b.y) + bestDistance) return;
    const distance = distanceToSegment(x, y, a.x, a.y, b.x, b.y);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = edge;
    }
  });
  return best;
}
