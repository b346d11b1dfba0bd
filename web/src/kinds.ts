// Colours of the entity kinds and relation types: one palette for the graph and its legend.
import type { EntityKind, RelationType } from "../../src/graph/types.ts";

import { KIND_COLORS } from "../../src/graph/style.ts";

/** The build writes these colours into graph.json; the legend and fallbacks use the same. */
export { KIND_COLORS };

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

/** `#rrggbb` mixed with white: `share` 0 keeps the colour, 1 is white. */
export function towardWhite(hex: string, share: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const mix = (channel: number) => Math.round(channel + (255 - channel) * share);
  return `rgb(${mix((value >> 16) & 255)}, ${mix((value >> 8) & 255)}, ${mix(value & 255)})`;
}

/**
 * The relations' colours for the bulk of a large graph's edges (bulk-edge-layer.ts): tens of
 * thousands of strong lines drown the nodes they join, so the bulk is pale — opaque, mixed
 * with white, so that lines crossing do not add up to a dark blot.
 */
export const PALE_RELATION_COLORS: ReadonlyMap<string, string> = new Map(Object.entries(RELATION_COLORS).map(([type, color]) => [type, towardWhite(color, 0.7)]));

/**
 * Text on a kind-coloured badge. The palette's colours are mid-tones (Tableau 10): white on
 * them is 2.3–3.6:1, under WCAG AA's 4.5:1. The badge is the kind's colour halfway to white,
 * with near-black text: 9:1 or more for every kind (test/unit/viewer-reading.test.ts).
 */
export const BADGE_TEXT_COLOR = "#111111";

/** The badge's background: the kind's colour mixed half with white, as `#rrggbb`. */
export function badgeBackground(kind: EntityKind): string {
  const value = Number.parseInt((KIND_COLORS[kind] ?? FALLBACK_COLOR).slice(1), 16);
  const channel = (shift: number) => Math.round(((value >> shift) & 255) / 2 + 127.5);
  return `#${[16, 8, 0].map((shift) => channel(shift).toString(16).padStart(2, "0")).join("")}`;
}

export const FALLBACK_COLOR = "#999999";
export const DIMMED_COLOR = "#e4e6e8";
