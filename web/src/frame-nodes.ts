// Framing a set of nodes (a Cypher answer, a community) with room around them: sigma's
// fitViewportToNodes puts the outermost nodes on the canvas's very edge, where their labels are
// cut off.
import { getCameraStateToFitViewportToNodes } from "@sigma/utils";
import type Sigma from "sigma";

/** How much wider than the nodes' extent the frame is. */
const MARGIN = 1.35;
const DURATION = 400;

export function frameNodes(sigma: Sigma, nodes: Iterable<string>): void {
  const keys = [...nodes].filter((node) => sigma.getNodeDisplayData(node));
  if (keys.length === 0) return;
  const state = getCameraStateToFitViewportToNodes(sigma, keys);
  const camera = sigma.getCamera();
  // One node alone is framed at the whole graph's scale (sigma's rule), not zoomed out further.
  const ratio = keys.length > 1 ? state.ratio * MARGIN : state.ratio;
  void camera.animate({ ...state, ratio: Math.min(ratio, camera.maxRatio ?? ratio) }, { duration: DURATION });
}
