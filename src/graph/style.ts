// How kinds look, shared by the build (node colours written to graph.json), the viewer's
// legend and the exporters. Colours from the Tableau 10 palette, legible on white.
import type { EntityKind } from "./types.ts";

export const KIND_COLORS: Record<EntityKind, string> = {
  Country: "#4e79a7",
  Organization: "#f28e2b",
  Official: "#e15759",
  Meeting: "#76b7b2",
  Document: "#59a14f",
  Article: "#9c755f",
};

/** Node size from degree: a hub reads larger without drowning the rest. */
export const sizeForDegree = (degree: number) => Math.round((3 + 2 * Math.sqrt(degree)) * 100) / 100;
