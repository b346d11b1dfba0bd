// The saved queries in graph/queries/*.cypher: the first line is a `// description`,
// lines `// @param name <JSON value>` give defaults for the query's $parameters.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { SavedQueryError } from "./errors.ts";

export const QUERIES_DIR = resolve(import.meta.dirname, "../../graph/queries");

export interface SavedQuery {
  name: string;
  description: string;
  cypher: string;
  /** Default parameter values; `--param` overrides them. */
  params: Record<string, unknown>;
  file: string;
}

export function parseSavedQuery(file: string, text: string): SavedQuery {
  const lines = text.split("\n");
  const first = lines[0] ?? "";
  if (!first.startsWith("//")) throw new SavedQueryError(`query: ${file}: the first line must be a "// description" comment`);
  const params: Record<string, unknown> = {};
  for (const line of lines) {
    const match = /^\/\/\s*@param\s+(\w+)\s+(.+)$/.exec(line.trim());
    if (!match) continue;
    try {
      params[match[1] as string] = JSON.parse(match[2] as string);
    } catch {
      throw new SavedQueryError(`query: ${file}: the default of $${match[1]} is not JSON: ${match[2]}`);
    }
  }
  return { name: basename(file, ".cypher"), description: first.replace(/^\/\/\s*/, "").trim(), cypher: text, params, file };
}

export function listSavedQueries(dir = QUERIES_DIR): SavedQuery[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".cypher"))
    .sort()
    .map((name) => parseSavedQuery(join(dir, name), readFileSync(join(dir, name), "utf8")));
}

export function savedQuery(name: string, dir = QUERIES_DIR): SavedQuery {
  const query = listSavedQueries(dir).find((q) => q.name === name);
  if (!query) {
    const known = listSavedQueries(dir).map((q) => q.name).join(", ");
    throw new SavedQueryError(`query: no saved query "${name}" in ${dir} (known: ${known || "none"})`);
  }
  return query;
}
