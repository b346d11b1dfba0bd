// A resolver's entities and relations in a form that can be written to disk and read back, so
// that a rebuild resumes resolution where the previous build stopped instead of adding every
// record again (pipeline/resolution-cache.ts keeps it between builds). Everything that decides
// the output is kept as it was, order included: the order names, aliases and titles were first
// seen (the first name is an official's label when no state is stated; the first alias a label
// when there is no name) and the articles that decided them, the order entities and relations
// were made, each relation's confidence to the last bit (it is a product taken in article order)
// with each statement's, each article's place in the order of articles and the facts waiting for
// an end. Relations, hundreds of thousands of them, are columns of numbers; entities, tens of
// thousands, are JSON.
import type { RelationType } from "../graph/types.ts";
import type { EntityDraft, RelationDraft } from "./entities.ts";
import type { Resolver } from "./resolve.ts";

/** An entity as JSON: its maps and sets as lists of entries, in insertion order. */
export interface SavedEntity extends Omit<EntityDraft, "names" | "aliases" | "mentions" | "countryVotes" | "countryEvidence" | "docKinds"> {
  names: Array<[string, number]>;
  aliases: string[];
  mentions: [first: number, last: number];
  countryVotes: Array<[string, number]>;
  countryEvidence: Array<[string, number]>;
  docKinds: Array<[string, number]>;
}

/** Relations as columns: per relation, its type (index into `types`), its ends (entity indexes), its evidence and weight rows. */
export interface SavedRelations {
  types: RelationType[];
  /** [type, source, target, first and last evidence row, first and last weight row] for each relation, one after another. */
  ends: Int32Array;
  confidence: Float64Array;
}

export interface ResolverState {
  entities: SavedEntity[];
  relations: SavedRelations;
  /** Each article's place (by number) in the order of articles. */
  places: Int32Array;
  /** Facts waiting for an end, by the key they lack (Resolver). */
  waiting: Array<[string, number[]]>;
}

/** Numbers per relation in `ends`. */
export const RELATION_WIDTH = 7;

const toSaved = (e: EntityDraft): SavedEntity => ({
  ...e,
  names: [...e.names],
  aliases: [...e.aliases],
  mentions: [e.mentions.first, e.mentions.last],
  countryVotes: [...e.countryVotes],
  countryEvidence: [...e.countryEvidence],
  docKinds: [...e.docKinds],
});

const fromSaved = (e: SavedEntity): EntityDraft => ({
  ...e,
  names: new Map(e.names),
  aliases: new Set(e.aliases),
  mentions: { first: e.mentions[0], last: e.mentions[1] },
  countryVotes: new Map(e.countryVotes),
  countryEvidence: new Map(e.countryEvidence),
  docKinds: new Map(e.docKinds),
});

/** The resolver's entities and relations (before `finish`); its mentions and evidence are its Details' columns. */
export function resolverState(resolver: Resolver): ResolverState {
  const { entities, relations, places, waiting } = resolver.state();
  const index = new Map<string, number>();
  const saved: SavedEntity[] = [];
  for (const entity of entities.values()) {
    index.set(entity.key, saved.length);
    saved.push(toSaved(entity));
  }
  const types: RelationType[] = [];
  const typeIndex = new Map<RelationType, number>();
  const ends = new Int32Array(relations.size * RELATION_WIDTH);
  const confidence = new Float64Array(relations.size);
  let i = 0;
  for (const r of relations.values()) {
    let type = typeIndex.get(r.type);
    if (type === undefined) typeIndex.set(r.type, (type = types.push(r.type) - 1));
    ends.set([type, index.get(r.source)!, index.get(r.target)!, r.evidence.first, r.evidence.last, r.weights.first, r.weights.last], i * RELATION_WIDTH);
    confidence[i++] = r.confidence;
  }
  return { entities: saved, relations: { types, ends, confidence }, places: Int32Array.from(places), waiting: [...waiting] };
}

/** The entities and relations of `state`, for `Resolver.resume` (made apart, so that a bad state fails before the resolver is touched). */
export function draftsOf(state: Pick<ResolverState, "entities" | "relations">): { entities: EntityDraft[]; relations: RelationDraft[] } {
  const entities = state.entities.map(fromSaved);
  const { types, ends, confidence } = state.relations;
  const relations: RelationDraft[] = [];
  for (let i = 0; i < confidence.length; i++) {
    const at = i * RELATION_WIDTH;
    const type = types[ends[at]!];
    const source = entities[ends[at + 1]!]?.key;
    const target = entities[ends[at + 2]!]?.key;
    if (type === undefined || source === undefined || target === undefined) throw new Error(`resolver state: relation ${i} names no entity`);
    relations.push({ type, source, target, evidence: { first: ends[at + 3]!, last: ends[at + 4]! }, weights: { first: ends[at + 5]!, last: ends[at + 6]! }, confidence: confidence[i]! });
  }
  return { entities, relations };
}
