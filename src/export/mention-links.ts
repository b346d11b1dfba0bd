// MENTIONED_IN links made explicit: graph.json keeps "which articles mention a node" in the
// node's `articles` (the edge is optional in the contract); exports draw it as an edge to the
// Article node, with the mentions as evidence, so that Gephi and Neo4j see where facts come from.
import type { Evidence, KnowledgeGraph, Mention } from "../graph/types.ts";

export const articleKey = (articleId: string) => `article:${articleId}`;

/** The mention's words, cut from the article body they point into (empty if it does not reach). */
function quoteOf(graph: KnowledgeGraph, mention: Mention): string {
  const key = articleKey(mention.article);
  const article = graph.hasNode(key) ? graph.getNodeAttributes(key) : undefined;
  return article?.kind === "Article" && typeof article.body === "string" ? article.body.slice(mention.start, mention.end) : "";
}

/**
 * A copy of the graph with one MENTIONED_IN edge from every non-Article node to each Article
 * node of its `articles`, unless the graph already has that edge. Keys follow the build's
 * `TYPE:source->target` pattern.
 */
export function withMentionLinks(graph: KnowledgeGraph): KnowledgeGraph {
  const linked = graph.copy();
  graph.forEachNode((node, attributes) => {
    if (attributes.kind === "Article") return;
    // the node's existing links and its mentions by article, gathered once: scanning its edges
    // and filtering its mentions once per article was quadratic (csv export of 10,000 articles: 45 s)
    const linkedTo = new Set<string>();
    graph.forEachOutEdge(node, (_e, a, _s, t) => {
      if (a.type === "MENTIONED_IN") linkedTo.add(t);
    });
    const byArticle = new Map<string, Mention[]>();
    for (const m of attributes.mentions ?? []) {
      const list = byArticle.get(m.article);
      if (list) list.push(m);
      else byArticle.set(m.article, [m]);
    }
    for (const article of attributes.articles ?? []) {
      const target = articleKey(article);
      if (!graph.hasNode(target) || linkedTo.has(target)) continue;
      linkedTo.add(target);
      const evidence: Evidence[] = (byArticle.get(article) ?? []).map((m) => ({
        article,
        sentence: m.sentence,
        quote: quoteOf(graph, m),
        start: m.start,
        end: m.end,
      }));
      linked.addDirectedEdgeWithKey(`MENTIONED_IN:${node}->${target}`, node, target, {
        type: "MENTIONED_IN",
        label: "MENTIONED_IN",
        articles: [article],
        evidence,
        confidence: 1,
      });
    }
  });
  return linked;
}
