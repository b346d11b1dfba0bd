// GEXF 1.3 for Gephi, written by graphology-gexf: label, colour, size and ForceAtlas2 position
// as viz attributes (Gephi opens the file laid out), every other property as a typed attribute.
import { write } from "graphology-gexf";
import type { MultiDirectedGraph } from "graphology";
import type { KnowledgeGraph } from "../graph/types.ts";
import { flatEdge, flatNode } from "./properties.ts";
import type { FlatRecord } from "./properties.ts";
import { xmlSafeText } from "./xml-text.ts";

/** Gephi shows properties as columns; lists read best there as JSON text (`["ACC","ASEAN Coordinating Council"]`). */
function gexfAttributes(record: FlatRecord): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(record).map(([name, value]) => [name, Array.isArray(value) ? JSON.stringify(value) : value]));
}

/** `#rrggbb` as `rgb(r,g,b)`, so that the writer emits r/g/b attributes every Gephi version reads. */
function rgb(color: unknown): string | undefined {
  if (typeof color !== "string") return undefined;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return hex ? `rgb(${hex.slice(1).map((h) => parseInt(h, 16)).join(",")})` : color;
}

type Viz = { color?: string; size?: number; x?: number; y?: number; thickness?: number };

function viz(entries: Array<[keyof Viz, unknown]>): Viz | undefined {
  const result: Viz = {};
  for (const [name, value] of entries) {
    if (name === "color") {
      const color = rgb(value);
      if (color) result.color = color;
    } else if (typeof value === "number" && Number.isFinite(value)) {
      result[name] = value;
    }
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

/**
 * Node: id = key, label, viz colour/size/position, attributes = the flat properties but
 * `key`, `label` and the display ones. Edge: id = edge key, label = relationship type,
 * weight = confidence, label = the edge's label (its type), attributes = the flat properties plus `type`.
 */
export function formatGexf(graph: KnowledgeGraph): string {
  // <meta> holds only GEXF's creator, description and keywords (pedantic), so the file validates.
  const described = graph.copy() as unknown as MultiDirectedGraph;
  const { name, contract, generator } = graph.getAttributes();
  described.replaceAttributes({ creator: generator, description: `${name} (graph contract ${contract})` });
  // Markup is plain ASCII, so cleaning the whole file cleans every key, name and value in it.
  return xmlSafeText(write(described as unknown as KnowledgeGraph, {
    version: "1.3",
    pedantic: true,
    formatNode: (key, attributes) => {
      const { label, x, y, size, color, ...rest } = flatNode(key, attributes);
      delete rest.key;
      return {
        label: String(label ?? key),
        viz: viz([
          ["color", color],
          ["size", size],
          ["x", x],
          ["y", y],
        ]),
        attributes: gexfAttributes(rest),
      };
    },
    formatEdge: (_key, attributes) => {
      const { label, size, color, ...rest } = flatEdge(attributes);
      return {
        label: typeof label === "string" ? label : attributes.type,
        weight: attributes.confidence,
        viz: viz([
          ["color", color],
          ["thickness", size],
        ]),
        attributes: gexfAttributes({ type: attributes.type, ...rest }),
      };
    },
  }));
}
