// Colours of the entity kinds and relation types: one palette for the graph and its legend.
import type { EntityKind, RelationType } from "../../src/graph/types.ts";

/** The build writes these colours into graph.json; the legend and fallbacks use the same. */
export { KIND_COLORS } from "../../src/graph/style.ts";

/** Vietnamese names for the legend and filters, beside the kind itself. */
export const KIND_NAMES: Record<EntityKind, string> = {
  Country: "Quốc gia",
  Organization: "Tổ chức",
  Official: "Quan chức",
  Meeting: "Hội nghị",
  Document: "Văn kiện",
  Article: "Bài báo",
};

/** The relation in Vietnamese words, for the edge panel. */
export const RELATION_NAMES: Record<RelationType, string> = {
  CHAIRED: "chủ trì",
  ATTENDED: "tham dự",
  ADOPTED: "thông qua",
  PROPOSED_BY: "do … đề xuất",
  OFFICIAL_OF: "quan chức của",
  MENTIONED_IN: "được nhắc trong",
};

export const RELATION_COLORS: Record<RelationType, string> = {
  CHAIRED: "#d35400",
  ATTENDED: "#95a5a6",
  ADOPTED: "#c0392b",
  PROPOSED_BY: "#16a085",
  OFFICIAL_OF: "#2980b9",
  MENTIONED_IN: "#d5d8dc",
};

/**
 * Text on a kind-coloured badge. The palette's colours are mid-light (Tableau 10): white on
 * them is 2.3–3.6:1, near-black is 4.6–9:1, above WCAG AA's 4.5:1 for every kind.
 */
export const BADGE_TEXT_COLOR = "#111111";

export const FALLBACK_COLOR = "#999999";
export const DIMMED_COLOR = "#e4e6e8";
