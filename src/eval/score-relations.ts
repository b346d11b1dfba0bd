// Relations (rule 4): each edge of the four core types becomes (type, matched from, matched to);
// the triples are de-duplicated and compared with the answer key's. An endpoint that matched
// no entity keeps the node's label, so the false fact can still be read in the report.
import { round3, prf } from "./prf.ts";
import { articlesOf, type ScoredGraph } from "./scored-graph.ts";
import { CORE_RELATIONS, type GoldEntity, type GoldKey, type RelationPrf } from "./types.ts";

export interface RelationScore {
  relations: RelationPrf;
  wrongRelations: string[];
  missedRelations: string[];
}

/** One end of a triple: an answer-key entity, or an unmatched node shown by its label. */
type Endpoint = { entity: string } | { unmatched: string };

interface Triple {
  type: string;
  from: Endpoint;
  to: Endpoint;
  articles: Set<string>;
}

interface GoldTriple extends Triple {
  /** Required when any line of the answer key for this triple is. */
  required: boolean;
}

// Unmatched endpoints carry a leading "?" in the key, exactly as the reference scorer keys them.
const endpointKey = (end: Endpoint): string => ("entity" in end ? end.entity : `?${end.unmatched}`);
const tripleKey = (type: string, from: Endpoint, to: Endpoint): string =>
  `${type}|${endpointKey(from)}|${endpointKey(to)}`;

function goldTriples(gold: GoldKey): Map<string, GoldTriple> {
  const triples = new Map<string, GoldTriple>();
  for (const r of gold.relations) {
    const from = { entity: r.from };
    const to = { entity: r.to };
    const key = tripleKey(r.type, from, to);
    const triple = triples.get(key) ?? { type: r.type, from, to, articles: new Set<string>(), required: false };
    triple.required ||= r.required;
    triple.articles.add(r.article);
    triples.set(key, triple);
  }
  return triples;
}

function graphTriples(graph: ScoredGraph, mapping: ReadonlyMap<string, string>): Map<string, Triple> {
  const endpoint = (key: string): Endpoint => {
    const entity = mapping.get(key);
    if (entity !== undefined) return { entity };
    return { unmatched: String(graph.nodeByKey.get(key)?.attrs.label ?? key) };
  };
  const triples = new Map<string, Triple>();
  for (const edge of graph.edges) {
    const type = edge.attrs.type ?? edge.attrs.label;
    if (typeof type !== "string" || !CORE_RELATIONS.has(type)) continue;
    const from = endpoint(edge.source);
    const to = endpoint(edge.target);
    const key = tripleKey(type, from, to);
    const triple = triples.get(key) ?? { type, from, to, articles: new Set<string>() };
    for (const article of articlesOf(edge.attrs)) triple.articles.add(article);
    triples.set(key, triple);
  }
  return triples;
}

export function scoreRelations(
  gold: GoldKey,
  goldById: ReadonlyMap<string, GoldEntity>,
  graph: ScoredGraph,
  mapping: ReadonlyMap<string, string>,
): RelationScore {
  const nameOf = (end: Endpoint): string =>
    "entity" in end ? (goldById.get(end.entity)?.name ?? end.entity) : end.unmatched;
  const describe = (t: Triple): string => `${nameOf(t.from)} -${t.type}-> ${nameOf(t.to)}`;

  const wanted = goldTriples(gold);
  const found = graphTriples(graph, mapping);
  let truePositives = 0;
  let falsePositives = 0;
  let withEvidence = 0;
  const wrongRelations: string[] = [];
  for (const [key, triple] of found) {
    const want = wanted.get(key);
    if (!want) {
      falsePositives++;
      wrongRelations.push(describe(triple));
      continue;
    }
    if (!want.required) continue;
    truePositives++;
    if ([...want.articles].some((a) => triple.articles.has(a))) withEvidence++;
  }
  const missedRelations = [...wanted]
    .filter(([key, want]) => want.required && !found.has(key))
    .map(([, want]) => describe(want));
  const relations = {
    ...prf(truePositives, falsePositives, missedRelations.length),
    evidence: truePositives ? round3(withEvidence / truePositives) : 0,
  };
  return { relations, wrongRelations, missedRelations };
}
