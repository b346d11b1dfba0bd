// The PNG of the canvas as the reader sees it. @sigma/export-image redraws the graph in a
// temporary sigma, because a WebGL canvas cannot be read back once shown; but that sigma
// knows nothing of the layers the viewer draws itself (the dashed Cypher paths,
// dashed-layer.ts), and the label placer (label-placer.ts) sees its two frames in one run as
// one and skips most labels. So the WebGL layers (edges, nodes) come from the temporary
// sigma, and every 2D layer (labels, hover labels, dashed paths) is copied from the page's
// own canvases, which keep their pixels: the image shows what is on screen.
import { toBlob } from "@sigma/export-image";
import type Sigma from "sigma";

/** Sigma's own layer for pointer events: transparent, never part of the picture. */
const MOUSE_LAYER = "mouse";

/** The layers of a sigma, bottom to top, as they are stacked in its container. */
export function stackedLayers(sigma: Sigma): string[] {
  const canvases = sigma.getCanvases();
  const byCanvas = new Map(Object.entries(canvases).map(([id, canvas]) => [canvas, id]));
  const layers: string[] = [];
  for (const canvas of sigma.getContainer().querySelectorAll("canvas")) {
    const id = byCanvas.get(canvas);
    if (id !== undefined && id !== MOUSE_LAYER) layers.push(id);
  }
  return layers;
}

/**
 * The 2D layers of a sigma (a canvas holds one kind of context: asking a WebGL canvas for a
 * 2D one gives null), with their contexts.
 */
function flatLayers(sigma: Sigma, layers: readonly string[]): Map<string, HTMLCanvasElement> {
  const canvases = sigma.getCanvases();
  const flat = new Map<string, HTMLCanvasElement>();
  for (const id of layers) {
    const canvas = canvases[id];
    if (canvas?.getContext("2d")) flat.set(id, canvas);
  }
  return flat;
}

/** The picture on screen as a PNG blob, on a white ground. */
export async function viewImage(sigma: Sigma): Promise<Blob> {
  const layers = stackedLayers(sigma);
  const flat = flatLayers(sigma, layers);
  return toBlob(sigma, {
    format: "png",
    backgroundColor: "#ffffff",
    layers,
    // The temporary sigma draws no label: they are copied, and its drawing them would go
    // through the page's label placer.
    sigmaSettings: { renderLabels: false, renderEdgeLabels: false },
    withTempRenderer: (temporary) => {
      const own = temporary.getCanvases();
      for (const [id, source] of flat) {
        const target = own[id] ?? temporary.createCanvas(id);
        // A layer sigma did not make is not sized by it (the dashed one sizes itself).
        if (target.width !== source.width || target.height !== source.height) [target.width, target.height] = [source.width, source.height];
        const context = target.getContext("2d");
        if (!context) continue;
        context.save();
        context.setTransform(1, 0, 0, 1, 0, 0);
        context.clearRect(0, 0, target.width, target.height);
        // Same size in CSS pixels and the same device pixel ratio: pixel for pixel.
        context.drawImage(source, 0, 0);
        context.restore();
      }
    },
  });
}
