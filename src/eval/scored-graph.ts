// A built graph as the scorer reads it: plain nodes and edges from a graphology export,
// read leniently (attributes may be missing or of the wrong type) so any graph.json can be scored.

export type Attributes = Readonly<Record<string, unknown>>;

export interface ScoredNode {
  key: string;
  attrs: Attributes;
}

export interface ScoredEdge {
  source: string;
  target: string;
  attrs: Attributes;
}

export interface ScoredGraph {
  nodes: ScoredNode[];
  edges: ScoredEdge[];
  nodeByKey: Map<string, ScoredNode>;
}

/** The parts of a graphology export (`graph.export()`) the scorer reads. */
export interface ExportedGraphLike {
  nodes?: ReadonlyArray<{ key: unknown; attributes?: object }>;
  edges?: ReadonlyArray<{ source: unknown; target: unknown; attributes?: object }>;
}

export function toScoredGraph(graph: ExportedGraphLike): ScoredGraph {
  // Attributes are read field by field with their types checked where it matters.
  const nodes = (graph.nodes ?? []).map((n) => ({ key: String(n.key), attrs: (n.attributes ?? {}) as Attributes }));
  const edges = (graph.edges ?? []).map((e) => ({
    source: String(e.source),
    target: String(e.target),
    attrs: (e.attributes ?? {}) as Attributes,
  }));
  return { nodes, edges, nodeByKey: new Map(nodes.map((n) => [n.key, n])) };
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A node's names: its label, a `name` attribute and its aliases (non-blank strings only). */
export function namesOf(attrs: Attributes): string[] {
  const names = [attrs.label, attrs.name, ...asArray(attrs.aliases)];
  return names.filter((n): n is string => typeof n === "string" && n.trim() !== "");
}

/** The articles a node or edge names: `articles`, plus those of its evidence and mentions. */
export function articlesOf(attrs: Attributes): Set<string> {
  const found = new Set<string>();
  for (const article of asArray(attrs.articles)) found.add(String(article));
  for (const cited of [...asArray(attrs.evidence), ...asArray(attrs.mentions)]) {
    const article = (cited as { article?: unknown } | null)?.article;
    if (article != null) found.add(String(article));
  }
  return found;
}

/** A node's kind, `label` and the way the reference prints it in lists. */
export const kindOf = (node: ScoredNode): unknown => node.attrs.kind;
export const labelOf = (node: ScoredNode): string => String(node.attrs.label);
export const labelOrKey = (node: ScoredNode): string => String(node.attrs.label ?? node.key);
