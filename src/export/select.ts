// Subgraph selection: filters (kinds, relations, articles), then regions (ego network,
// meetings by date), then the subgraph those nodes induce. Pure; browser-safe.
import { ENTITY_KINDS, RELATION_TYPES } from "../graph/types.ts";
import type { KnowledgeGraph, MeetingAttributes, NodeAttributes } from "../graph/types.ts";
import { NameIndex } from "../graph/search.ts";
import { heldWithin, rangeBound } from "./dates.ts";
import { SelectionError } from "./errors.ts";
import { withMentionLinks } from "./mention-links.ts";
import type { Selection } from "./types.ts";

const intersects = (values: readonly string[] | undefined, wanted: ReadonlySet<string>) => (values ?? []).some((v) => wanted.has(v));

function checkSelection(selection: Selection): void {
  for (const kind of selection.kinds ?? []) {
    if (!(ENTITY_KINDS as readonly string[]).includes(kind)) {
      throw new SelectionError(`export: unknown kind "${kind}"; kinds are ${ENTITY_KINDS.join(", ")}`);
    }
  }
  for (const type of selection.relations ?? []) {
    if (!(RELATION_TYPES as readonly string[]).includes(type)) {
      throw new SelectionError(`export: unknown relation "${type}"; relations are ${RELATION_TYPES.join(", ")}`);
    }
  }
  const depth = selection.around?.depth ?? 1;
  if (!Number.isInteger(depth) || depth < 0) throw new SelectionError(`export: depth must be a whole number ≥ 0, got ${depth}`);
}

/** Node and edge tests of the filters; an Article node belongs to the article it is. */
function filters(selection: Selection) {
  const kinds = new Set<string>(selection.kinds ?? ENTITY_KINDS);
  const relations = new Set<string>(selection.relations ?? RELATION_TYPES);
  const articles = selection.articles ? new Set(selection.articles) : undefined;
  const keepNode = (key: string, a: NodeAttributes) =>
    kinds.has(a.kind) &&
    (!articles || intersects(a.articles, articles) || (a.kind === "Article" && articles.has(key.replace(/^article:/, ""))));
  return { kinds, relations, articles, keepNode };
}

/**
 * The part of `graph` a selection describes, as a new graph (same graph attributes, nodes
 * and edges in the original order, MENTIONED_IN edges made explicit). See index.ts for the rules.
 */
export function selectSubgraph(graph: KnowledgeGraph, selection: Selection = {}): KnowledgeGraph {
  checkSelection(selection);
  const linked = selection.mentionLinks === false ? graph : withMentionLinks(graph);
  const { relations, articles, keepNode } = filters(selection);

  // 1. Filters: the nodes and edges that may appear at all.
  const nodes = new Set<string>();
  linked.forEachNode((key, attributes) => {
    if (keepNode(key, attributes)) nodes.add(key);
  });
  const edges = new Set<string>();
  linked.forEachEdge((edge, attributes, source, target) => {
    if (relations.has(attributes.type) && nodes.has(source) && nodes.has(target) && (!articles || intersects(attributes.articles, articles))) {
      edges.add(edge);
    }
  });
  const neighbours = (node: string): string[] => {
    const found: string[] = [];
    linked.forEachEdge(node, (edge, _a, source, target) => {
      if (edges.has(edge)) found.push(source === node ? target : source);
    });
    return found;
  };

  // 2. Regions: each given one narrows the node set.
  let region = nodes;
  if (selection.from !== undefined || selection.to !== undefined) {
    region = intersect(region, meetingsHeldWithin(linked, nodes, neighbours, selection));
  }
  if (selection.around) {
    region = intersect(region, egoNetwork(linked, nodes, neighbours, selection.around.name, selection.around.depth ?? 1));
  }

  // 3. The subgraph the region induces.
  const result = graph.nullCopy();
  linked.forEachNode((key, attributes) => {
    if (region.has(key)) result.addNode(key, attributes);
  });
  linked.forEachEdge((edge, attributes, source, target) => {
    if (edges.has(edge) && region.has(source) && region.has(target)) result.addDirectedEdgeWithKey(edge, source, target, attributes);
  });
  return result;
}

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  return new Set([...a].filter((x) => b.has(x)));
}

/** Meetings whose days overlap the range, plus every node one kept edge away from them. */
function meetingsHeldWithin(
  graph: KnowledgeGraph,
  nodes: ReadonlySet<string>,
  neighbours: (node: string) => string[],
  selection: Selection,
): Set<string> {
  const from = selection.from === undefined ? undefined : rangeBound(selection.from, false, "--from");
  const to = selection.to === undefined ? undefined : rangeBound(selection.to, true, "--to");
  if (from && to && from > to) throw new SelectionError(`export: --from ${selection.from} is after --to ${selection.to}`);
  const region = new Set<string>();
  for (const node of nodes) {
    const attributes = graph.getNodeAttributes(node);
    if (attributes.kind !== "Meeting" || !heldWithin(attributes as MeetingAttributes, from, to)) continue;
    region.add(node);
    for (const next of neighbours(node)) region.add(next);
  }
  return region;
}

/**
 * The centre and every node within `depth` kept edges of it, either direction. Article
 * nodes are reached but not walked through: an article links everything it mentions, so
 * going through it would turn "near X" into "in the same article as X".
 */
function egoNetwork(
  graph: KnowledgeGraph,
  nodes: ReadonlySet<string>,
  neighbours: (node: string) => string[],
  name: string,
  depth: number,
): Set<string> {
  const centre = new NameIndex(graph).resolve(name);
  if (!nodes.has(centre.key)) {
    throw new SelectionError(`export: "${name}" is ${centre.label} [${centre.key}], which the other options (--kinds, --articles) leave out`);
  }
  const seen = new Set([centre.key]);
  let frontier = [centre.key];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const node of frontier) {
      if (node !== centre.key && graph.getNodeAttribute(node, "kind") === "Article") continue;
      for (const neighbour of neighbours(node)) {
        if (!seen.has(neighbour)) {
          seen.add(neighbour);
          next.push(neighbour);
        }
      }
    }
    frontier = next;
  }
  return seen;
}
