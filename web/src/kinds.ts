// Colours of the entity kinds and relation types: one palette for the graph and its legend.
import type { EntityKind, RelationType } from "../../src/graph/types.ts";

/** The build writes these colours into graph.json; the legend and fallbacks use the same. */
export { KIND_COLORS, sizeForDegree } from "../../src/graph/style.ts";

/** Vietnamese names for the legend and filters, beside the kind itself. */
export const KIND_NAMES: Record<EntityKind, string> = {
  Country: "Quốc gia",
  Organization: "Tổ chức",
  Official: "Quan chức",
  Meeting: "Hội nghị",
  Document: "Văn kiện",
  Article: "Bài báo",
};

export const RELATION_COLORS: Record<RelationType, string> = {
  CHAIRED: "#d35400",
  ATTENDED: "#95a5a6",
  ADOPTED: "#c0392b",
  PROPOSED_BY: "#16a085",
  OFFICIAL_OF: "#2980b9",
  MENTIONED_IN: "#d5d8dc",
};

export const FALLBACK_COLOR = "#999999";
export const DIMMED_COLOR = "#e4e6e8";
