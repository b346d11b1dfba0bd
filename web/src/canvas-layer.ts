// A 2D canvas of the viewer's own among sigma's layers (the dashed Cypher paths, the bulk of
// the edges). Sigma sizes only the contexts it made itself: these follow its size and the
// screen's pixel ratio here, and draw in CSS pixels.
import type Sigma from "sigma";

/** Sizes the layer's pixels to sigma's canvas and sets its transform to CSS pixels. */
export function fitLayer(sigma: Sigma, canvas: HTMLCanvasElement, context: CanvasRenderingContext2D): void {
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
}
