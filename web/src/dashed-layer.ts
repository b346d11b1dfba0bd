// Dashed edges over sigma's canvas for relationships a Cypher result returned that the view
// graph does not draw (MENTIONED_IN exists only in Neo4j). Sigma v3 ships no dashed edge
// program (jacomyal/sigma.js#1497), and its programs draw only the edges of its graph, which
// the viewer never changes: so these few edges (a result is capped at 1,000 rows) are a 2D
// canvas layer over the nodes (in a dense graph the dimmed nodes would hide them) and under
// the labels, redrawn after each of sigma's frames.
import type Sigma from "sigma";
import type { ResultRelationship } from "../../src/server/types.ts";
import { fitLayer } from "./canvas-layer.ts";

export const DASHED_LAYER = "resultPaths";
const DASH = [7, 5];
const COLOR = "#3d4a57";
const LINE_WIDTH = 2;
const ARROW = 8;
/** Past this many dashed edges their types are not written beside them. */
const MAX_LABELS = 40;

function draw(sigma: Sigma, context: CanvasRenderingContext2D, edges: readonly ResultRelationship[]): void {
  const { width, height } = sigma.getDimensions();
  context.clearRect(0, 0, width, height);
  context.save();
  context.strokeStyle = COLOR;
  context.fillStyle = COLOR;
  context.lineWidth = LINE_WIDTH;
  // Types are written after every line is drawn, so that a name's white halo never cuts another line.
  const names: Array<{ type: string; x: number; y: number }> = [];
  for (const { source, target, type } of edges) {
    const from = sigma.getNodeDisplayData(source);
    const to = sigma.getNodeDisplayData(target);
    if (!from || !to || from.hidden || to.hidden) continue;
    const a = sigma.framedGraphToViewport(from);
    const b = sigma.framedGraphToViewport(to);
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length < 1) continue;
    const [ux, uy] = [(b.x - a.x) / length, (b.y - a.y) / length];
    // The line runs from the source's disc to the target's, where the arrow's tip is.
    const start = Math.min(sigma.scaleSize(from.size), length / 2);
    const reach = Math.max(start, length - sigma.scaleSize(to.size));
    const tip = { x: a.x + ux * reach, y: a.y + uy * reach };
    context.setLineDash(DASH);
    context.beginPath();
    context.moveTo(a.x + ux * start, a.y + uy * start);
    context.lineTo(tip.x - ux * ARROW, tip.y - uy * ARROW);
    context.stroke();
    context.setLineDash([]);
    context.beginPath();
    context.moveTo(tip.x, tip.y);
    context.lineTo(tip.x - ux * ARROW - uy * ARROW * 0.5, tip.y - uy * ARROW + ux * ARROW * 0.5);
    context.lineTo(tip.x - ux * ARROW + uy * ARROW * 0.5, tip.y - uy * ARROW - ux * ARROW * 0.5);
    context.closePath();
    context.fill();
    if (edges.length <= MAX_LABELS && length > 80) names.push({ type, x: (a.x + tip.x) / 2, y: (a.y + tip.y) / 2 - 8 });
  }
  context.font = "11px system-ui, 'Noto Sans', sans-serif";
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.lineWidth = 3;
  context.strokeStyle = "#ffffff";
  for (const { type, x, y } of names) {
    context.strokeText(type, x, y);
    context.fillText(type, x, y);
  }
  context.restore();
}

/** Draws `edges` dashed until the returned function is called, which removes the layer. */
export function showDashedEdges(sigma: Sigma, edges: readonly ResultRelationship[]): () => void {
  // Over the nodes (the lines stop at their discs), under the labels.
  const canvas = sigma.createCanvas(DASHED_LAYER, { afterLayer: "nodes" });
  const context = canvas.getContext("2d");
  if (!context) {
    sigma.killLayer(DASHED_LAYER);
    return () => {};
  }
  canvas.dataset.edgeCount = String(edges.length);
  const resize = () => fitLayer(sigma, canvas, context);
  const redraw = () => draw(sigma, context, edges);
  resize();
  sigma.on("resize", resize);
  sigma.on("afterRender", redraw);
  sigma.refresh();
  return () => {
    sigma.off("resize", resize);
    sigma.off("afterRender", redraw);
    // Sigma may already be gone (the page closing): then so is its layer.
    if (sigma.getCanvases()[DASHED_LAYER]) {
      sigma.killLayer(DASHED_LAYER);
      sigma.refresh();
    }
  };
}
