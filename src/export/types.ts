// What can be exported and how a piece of the graph is chosen: the shapes shared by the
// command line and the viewer.
import type { EntityKind, RelationType } from "../graph/types.ts";

export const EXPORT_FORMATS = ["gexf", "graphml", "json", "csv", "cypher"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Which part of the graph to export. Every field is optional and they combine (AND);
 * an empty selection is the whole graph. See src/export/index.ts for the exact rules.
 */
export interface Selection {
  /** Ego network: the node `name` names (search rules of src/graph/search.ts, or a key) and what lies within `depth` steps (default 1). */
  around?: { name: string; depth?: number };
  /** Node kinds kept (default: all). */
  kinds?: readonly EntityKind[];
  /** Relation types kept (default: all, including the MENTIONED_IN links to Article nodes). */
  relations?: readonly RelationType[];
  /** Article ids: only nodes and facts these articles state. */
  articles?: readonly string[];
  /** Meetings held between these ISO dates (inclusive; either may be left open), plus what hangs on them. */
  from?: string;
  to?: string;
  /** Draw each node's `articles` as MENTIONED_IN edges to the Article nodes (default true; `--cypher` exports keep only what the query returned). */
  mentionLinks?: boolean;
}

/** One file of an export: single-file formats have suffix "", CSV has "-nodes.csv" and "-relationships.csv". */
export interface RenderedFile {
  suffix: string;
  mime: string;
  text: string;
}
