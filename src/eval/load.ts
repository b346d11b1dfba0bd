// Reads the answer key and a built graph from disk, checking just enough of their shape that
// scoring cannot fail halfway; every refusal names the file and what is wrong with it.
import { readFile } from "node:fs/promises";
import { GoldFileError, GraphFileError } from "./errors.ts";
import type { ExportedGraphLike } from "./scored-graph.ts";
import type { GoldKey } from "./types.ts";

type ErrorClass = new (message: string) => Error;

async function readJson(path: string, what: string, ErrorType: ErrorClass): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ErrorType(`eval: cannot read ${what} ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ErrorType(`eval: ${what} ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === "string");

/** The first problem with an answer key's shape, or undefined when it can be scored. */
export function goldProblem(gold: unknown): string | undefined {
  if (!isRecord(gold)) return "it is not a JSON object";
  const { articles, entities, relations, roles, negatives } = gold;
  if (!Array.isArray(articles) || !articles.every((a) => isRecord(a) && typeof a.id === "string"))
    return "`articles` must be a list of objects with a string `id`";
  if (!Array.isArray(entities)) return "`entities` must be a list";
  const ids = new Set<string>();
  for (const [i, e] of entities.entries()) {
    const ok =
      isRecord(e) &&
      typeof e.id === "string" &&
      typeof e.kind === "string" &&
      typeof e.name === "string" &&
      isStringArray(e.aliases) &&
      isStringArray(e.articles) &&
      typeof e.required === "boolean" &&
      (e.attrs === undefined || isRecord(e.attrs));
    if (!ok) return `entities[${i}] needs string id, kind, name, lists aliases and articles, boolean required`;
    ids.add(e.id as string);
  }
  if (!Array.isArray(relations)) return "`relations` must be a list";
  for (const [i, r] of relations.entries()) {
    const ok =
      isRecord(r) &&
      typeof r.type === "string" &&
      typeof r.article === "string" &&
      typeof r.required === "boolean" &&
      ids.has(r.from as string) &&
      ids.has(r.to as string);
    if (!ok) return `relations[${i}] needs string type and article, boolean required, from/to naming entities`;
  }
  if (roles !== undefined) {
    if (!Array.isArray(roles)) return "`roles` must be a list";
    for (const [i, r] of roles.entries()) {
      const ok = isRecord(r) && ids.has(r.official as string) && ids.has(r.country as string) && isStringArray(r.titles);
      if (!ok) return `roles[${i}] needs official and country naming entities and a list of titles`;
    }
  }
  if (negatives !== undefined && !isStringArray(negatives)) return "`negatives` must be a list of strings";
  return undefined;
}

export async function loadGold(path: string): Promise<GoldKey> {
  const gold = await readJson(path, "answer key", GoldFileError);
  const problem = goldProblem(gold);
  if (problem) throw new GoldFileError(`eval: answer key ${path}: ${problem}`);
  return gold as GoldKey;
}

export async function loadGraph(path: string): Promise<ExportedGraphLike> {
  const graph = await readJson(path, "graph", GraphFileError);
  const listOk = (x: unknown): boolean => x === undefined || (Array.isArray(x) && x.every(isRecord));
  if (!isRecord(graph) || !listOk(graph.nodes) || !listOk(graph.edges))
    throw new GraphFileError(`eval: graph ${path} is not a graphology export (objects with lists \`nodes\` and \`edges\`)`);
  return graph as ExportedGraphLike;
}
