// Resolved entities and relations → the graphology graph of the contract (docs/graph-contract.md):
// nodes and edges inserted in key order, so the export is the same bytes for the same input.
import { MultiDirectedGraph } from "graphology";
import type { Lexicon } from "../extract/lexicon.ts";
import type { Article } from "../ingest/types.ts";
import type { EntityDraft, RelationDraft } from "../resolve/entities.ts";
import { articleKey, entityKey } from "../resolve/keys.ts";
import { foldName } from "../text/fold.ts";
import { assignLayout, type Positions } from "./layout.ts";
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

function nodeAttributes(entity: EntityDraft, lexicon: Lexicon): NodeAttributes {
  const label = chooseLabel(entity.names) || [...entity.aliases][0] || entity.key;
  const aliases = new Set([...entity.names.keys(), ...entity.aliases, ...knownAliases(entity, lexicon, label)]);
  aliases.delete(label);
  const mentions = [...entity.mentions].sort((a, b) => byText(a.article, b.article) || a.start - b.start);
  const base = {
    label,
    aliases: [...aliases].sort(byText),
    articles: [...new Set(mentions.map((m) => m.article))].sort(byText),
    mentions,
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
}

export function assembleGraph(
  articles: Article[],
  entities: Iterable<EntityDraft>,
  relations: RelationDraft[],
  lexicon: Lexicon,
  options: AssembleOptions = {},
): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({ name: "Diplograph", contract: CONTRACT_VERSION, generator: GENERATOR });
  const nodes: Array<[string, NodeAttributes]> = [
    ...articles.map((a): [string, NodeAttributes] => [articleKey(a.id), articleAttributes(a)]),
    ...[...entities].map((e): [string, NodeAttributes] => [e.key, nodeAttributes(e, lexicon)]),
  ].sort((a, b) => byText(a[0], b[0]));
  for (const [key, attrs] of nodes) graph.addNode(key, attrs);
  const edges = [...relations].sort((a, b) => byText(`${a.type}|${a.source}|${a.target}`, `${b.type}|${b.source}|${b.target}`));
  for (const r of edges) {
    if (!graph.hasNode(r.source) || !graph.hasNode(r.target)) continue;
    const evidence = [...r.evidence].sort((a, b) => byText(a.article, b.article) || a.start - b.start);
    graph.addDirectedEdgeWithKey(`${r.type}:${r.source}->${r.target}`, r.source, r.target, {
      type: r.type,
      label: r.type,
      articles: [...new Set(evidence.map((e) => e.article))],
      evidence,
      confidence: Math.round(r.confidence * 1000) / 1000,
    });
  }
  graph.forEachNode((node) => graph.setNodeAttribute(node, "size", sizeForDegree(graph.degree(node))));
  if (options.layout !== false) assignLayout(graph, { previous: options.layoutStart });
  return graph;
}
