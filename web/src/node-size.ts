// How large a node is drawn: a capped, logarithmic scale of its degree, smaller as the graph
// grows. The build's `size` (3 + 2·√degree) has no cap: on 2,000 articles one country has
// degree ≈ 8,000 and was drawn 184 px wide over half the graph, and 8,000 officials of size
// 6–8 merged into one red mass. Here a hub still reads as a hub (log of the degree), no node
// passes the cap, and a graph of 10,000 nodes is drawn with dots a third the size of the
// samples' so that its structure, not its ink, is what one sees.

export interface SizeScale {
  /** Radius, in sigma's screen pixels at zoom 1, of a node with no neighbours. */
  min: number;
  /** Radius no node goes beyond at zoom 1. */
  max: number;
  /** The degree drawn at `max` (the graph's largest). */
  maxDegree: number;
}

/** The scale for a graph of `nodeCount` nodes whose largest degree is `maxDegree`. */
export function sizeScale(nodeCount: number, maxDegree: number): SizeScale {
  // 1 for ≤ 200 nodes, 0 for ≥ 10,000, on a log scale of the count between.
  const small = Math.min(1, Math.max(0, Math.log(10_000 / Math.max(1, nodeCount)) / Math.log(50)));
  return { min: 1.5 + 1.5 * small, max: 7 + 7 * small, maxDegree: Math.max(1, maxDegree) };
}

export function displaySize(degree: number, scale: SizeScale): number {
  const share = Math.log1p(Math.max(0, degree)) / Math.log1p(scale.maxDegree);
  const size = scale.min + (scale.max - scale.min) * Math.min(1, share);
  return Math.round(size * 100) / 100;
}
