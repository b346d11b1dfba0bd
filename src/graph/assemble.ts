// Resolved entities and relations → the graphology graph of the contract (docs/graph-contract.md):
// nodes and edges inserted in key order, so the export is the same bytes for the same input.
// The streaming build assembles the graph *deferred*: nodes and edges without their mentions
// and evidence (most of the graph's size), which stay rows of the resolution's Details and are
// filled in as each node or edge is written (`GraphFill`).
import { MultiDirectedGraph } from "graphology";
import type { Lexicon } from "../extract/lexicon.ts";
import type { Article } from "../ingest/types.ts";
import type { Details } from "../resolve/details.ts";
import type { EntityDraft } from "../resolve/entities.ts";
import type { Resolution } from "../resolve/resolve.ts";
import { articleKey, entityKey } from "../resolve/keys.ts";
import { foldName } from "../text/fold.ts";
import { assignLayout, type Positions } from "./layout.ts";
import type { GraphFill } from "./serialize.ts";
import { KIND_COLORS, sizeForDegree } from "./style.ts";
import { CONTRACT_VERSION, type EdgeAttributes, type GraphAttributes, type KnowledgeGraph, type NodeAttributes } from "./types.ts";

export const GENERATOR = "diplograph 0.1.0";

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The label: the form written most often; on a tie the one without abbreviations, then the longest. */
function chooseLabel(names: Map<string, number>): string {
  return [...names.entries()].sort(
    (a, b) => b[1] - a[1] || Number(/\bHNCC\b/.test(a[0])) - Number(/\bHNCC\b/.test(b[0])) || b[0].length - a[0].length || byText(a[0], b[0]),
  )[0]?.[0] ?? "";
}

function knownAliases(entity: EntityDraft, lexicon: Lexicon, label: string): string[] {
  if (entity.kind === "Country") {
    const c = entity.iso ? lexicon.countryByIso.get(entity.iso) : undefined;
    return c ? [c.name, ...c.aliases] : [];
  }
  if (entity.kind === "Organization") {
    const o = lexicon.organizations.find((x) => x.name === label);
    return o ? o.aliases : [];
  }
  return [];
}

/** Stands for the mentions and evidence of a deferred graph; frozen, so that nothing adds to it. */
const DEFERRED = Object.freeze([]) as unknown as never[];

function nodeAttributes(entity: EntityDraft, lexicon: Lexicon, details: Details, defer: boolean): NodeAttributes {
  const label = chooseLabel(entity.names) || [...entity.aliases][0] || entity.key;
  const aliases = new Set([...entity.names.keys(), ...entity.aliases, ...knownAliases(entity, lexicon, label)]);
  aliases.delete(label);
  const base = {
    label,
    aliases: [...aliases].sort(byText),
    articles: details.articlesOf(entity.mentions, "mentions"),
    mentions: defer ? DEFERRED : details.sortedMentions(entity.mentions),
    color: KIND_COLORS[entity.kind],
  };
  switch (entity.kind) {
    case "Country":
      return { kind: "Country", ...base, ...(entity.iso ? { iso: entity.iso } : {}) };
    case "Organization":
      return { kind: "Organization", ...base };
    case "Official": {
      const country = [...entity.countryVotes.keys()][0];
      const countryEntry = country ? lexicon.countryByIso.get(country) : undefined;
      return {
        kind: "Official", ...base, titles: mostSpecificTitles(entity.titles),
        ...(countryEntry ? { country: entityKey("Country", countryEntry.name) } : {}),
      };
    }
    case "Meeting": {
      const attrs: NodeAttributes = { kind: "Meeting", ...base };
      if (entity.date && entity.endDate) {
        attrs.startDate = entity.date;
        attrs.endDate = entity.endDate;
      } else if (entity.date) attrs.date = entity.date;
      if (entity.ordinal !== undefined) attrs.ordinal = entity.ordinal;
      if (entity.place) attrs.place = entity.place;
      if (entity.format) attrs.format = entity.format;
      const series = seriesOf(label, lexicon);
      if (series) attrs.series = series;
      return attrs;
    }
    case "Document": {
      const docKind = [...entity.docKinds.entries()].sort((a, b) => b[1] - a[1] || byText(a[0], b[0]))[0]?.[0];
      return { kind: "Document", ...base, ...(docKind ? { docKind } : {}) };
    }
  }
}

/** "Thứ trưởng" says nothing "Thứ trưởng Bộ Ngoại giao" does not: keep the fuller forms. */
function mostSpecificTitles(titles: string[]): string[] {
  const folded = titles.map(foldName);
  return titles.filter((_, i) => !folded.some((other, j) => j !== i && other.startsWith(`${folded[i]} `)));
}

function seriesOf(label: string, lexicon: Lexicon): string | undefined {
  const folded = foldName(label).replace(/\s\d+$/, "");
  return lexicon.meetingSeries.find(([prefix]) => folded === prefix)?.[1];
}

function articleAttributes(article: Article): NodeAttributes {
  return {
    kind: "Article",
    label: article.title || article.id,
    aliases: [],
    articles: [article.id],
    mentions: [],
    title: article.title,
    published: article.published,
    publisher: article.publisher,
    file: article.file,
    sha256: article.sha256,
    body: article.body,
    color: KIND_COLORS.Article,
  };
}

export interface AssembleOptions {
  layout?: boolean;
  /** The previous build's positions: a warm start when they cover most of the graph (layout.ts). */
  layoutStart?: Positions;
  /** Progress of the assembly: entities and relations done of total. */
  onAssemble?(done: number, total: number): void;
  /** Progress of the layout: iterations done of total. */
  onLayout?(done: number, total: number): void;
}

/** A graph whose entities have no mentions and whose relations no articles or evidence until `fill` gives them. */
export interface DeferredGraph {
  graph: KnowledgeGraph;
  fill: GraphFill;
}

/** The graph with every attribute in place (tests, eval, small builds). */
export function assembleGraph(articles: Article[], resolution: Resolution, lexicon: Lexicon, options: AssembleOptions = {}): KnowledgeGraph {
  return assemble(articles, resolution, lexicon, options, false).graph;
}

/**
 * The graph without mentions and evidence; `fill` gives each node's and edge's as it is
 * written. Article bodies are whatever `articles` holds (the streaming build passes none and
 * adds each when it is written).
 */
export function assembleDeferred(articles: Article[], resolution: Resolution, lexicon: Lexicon, options: AssembleOptions = {}): DeferredGraph {
  return assemble(articles, resolution, lexicon, options, true);
}

function assemble(articles: Article[], { entities, relations, details }: Resolution, lexicon: Lexicon, options: AssembleOptions, defer: boolean): DeferredGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({ name: "Diplograph", contract: CONTRACT_VERSION, generator: GENERATOR });
  const total = entities.size + relations.length;
  let done = 0;
  const step = () => {
    if (++done % 1000 === 0 || done === total) options.onAssemble?.(done, total);
  };
  const nodes: Array<[string, NodeAttributes, EntityDraft | undefined]> = [
    ...articles.map((a): [string, NodeAttributes, undefined] => [articleKey(a.id), articleAttributes(a), undefined]),
    ...[...entities.values()].map((e): [string, NodeAttributes, EntityDraft] => {
      step();
      return [e.key, nodeAttributes(e, lexicon, details, defer), e];
    }),
  ].sort((a, b) => byText(a[0], b[0]));
  // where each node's mentions and each edge's evidence start among the rows, in the graph's order
  const mentionRows = new Int32Array(nodes.length).fill(-1);
  nodes.forEach(([key, attrs, entity], i) => {
    graph.addNode(key, attrs);
    if (entity) mentionRows[i] = entity.mentions.first;
  });
  nodes.length = 0;
  // each edge's sort key built once, not twice per comparison
  const edges = relations.map((r) => ({ r, order: `${r.type}|${r.source}|${r.target}` })).sort((a, b) => byText(a.order, b.order)).map(({ r }) => r);
  const evidenceRows = new Int32Array(edges.length).fill(-1);
  for (const r of edges) {
    step();
    if (!graph.hasNode(r.source) || !graph.hasNode(r.target)) continue;
    evidenceRows[graph.size] = r.evidence.first;
    graph.addDirectedEdgeWithKey(`${r.type}:${r.source}->${r.target}`, r.source, r.target, {
      type: r.type,
      label: r.type,
      articles: defer ? DEFERRED : details.articlesOf(r.evidence, "evidence"),
      evidence: defer ? DEFERRED : details.sortedEvidence(r.evidence),
      confidence: Math.round(r.confidence * 1000) / 1000,
    });
  }
  graph.forEachNode((node) => graph.setNodeAttribute(node, "size", sizeForDegree(graph.degree(node))));
  if (options.layout !== false) assignLayout(graph, { previous: options.layoutStart, onProgress: options.onLayout });
  const fill: GraphFill = {
    node: (attributes, i) =>
      !defer || attributes.kind === "Article" ? attributes : { ...attributes, mentions: details.sortedMentions({ first: mentionRows[i]!, last: -1 }) },
    edge: (attributes, i) => {
      if (!defer) return attributes;
      const rows = { first: evidenceRows[i]!, last: -1 };
      return { ...attributes, articles: details.articlesOf(rows, "evidence"), evidence: details.sortedEvidence(rows) };
    },
  };
  return { graph, fill };
}
