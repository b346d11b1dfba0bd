// Dates (rule 7): a meeting's `date` or `startDate`, and an Article node's `published`
// (the node key is the article id or `article:<id>`), compared on the first ten characters.
import { nodesMatching } from "./match-entities.ts";
import type { Attributes, ScoredGraph } from "./scored-graph.ts";
import type { GoldKey } from "./types.ts";

export interface DateScore {
  dates: string;
  dateErrors: string[];
}

const dayOf = (value: unknown): string => String(value ?? "").slice(0, 10);

export function scoreDates(gold: GoldKey, graph: ScoredGraph, mapping: ReadonlyMap<string, string>): DateScore {
  let right = 0;
  let wanted = 0;
  const dateErrors: string[] = [];

  for (const entity of gold.entities) {
    const want = entity.attrs?.date ?? entity.attrs?.startDate;
    if (!want) continue;
    wanted++;
    const got = nodesMatching(mapping, entity.id).map((key) => meetingDate(graph.nodeByKey.get(key)?.attrs ?? {}));
    if (got.some((d) => dayOf(d) === want)) right++;
    else dateErrors.push(`${entity.name}: want ${want}, got ${got.map((d) => d ?? "").join(",") || "nothing"}`);
  }

  for (const article of gold.articles) {
    if (!article.published) continue;
    wanted++;
    const node = graph.nodes.find(
      (n) =>
        n.attrs.kind === "Article" && (n.key === article.id || n.attrs.id === article.id || n.key === `article:${article.id}`),
    );
    const got = node ? dayOf(node.attrs.published ?? node.attrs.date) : "";
    if (got === article.published) right++;
    else dateErrors.push(`article ${article.id}: want ${article.published}, got ${got || "nothing"}`);
  }
  return { dates: `${right}/${wanted}`, dateErrors };
}

const meetingDate = (attrs: Attributes): unknown => attrs.date ?? attrs.startDate;
