// MENTIONED_IN links for exports: one edge per (node, article) with that article's mentions as
// evidence, none where the graph already has the edge, for a node named in many articles.
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { withMentionLinks } from "../../src/export/mention-links.ts";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../../src/graph/types.ts";

function graphWithBusyNode(articleCount: number): KnowledgeGraph {
  const g: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const ids = Array.from({ length: articleCount }, (_, i) => `a${i}`);
  for (const id of ids) {
    g.addNode(`article:${id}`, {
      kind: "Article", label: id, aliases: [], articles: [id], mentions: [], title: id, published: null, publisher: null,
      file: `${id}.txt`, sha256: "0", body: `Việt Nam ${id} Việt Nam`,
    });
  }
  const mentions = ids.flatMap((a, i) => Array.from({ length: i % 3 }, (_, k) => ({ article: a, sentence: 0, start: k === 0 ? 0 : a.length + 10, end: k === 0 ? 8 : a.length + 18 })));
  g.addNode("country:viet-nam", { kind: "Country", label: "Việt Nam", aliases: [], articles: ids, mentions });
  // the graph already carries the link to the first article
  g.addDirectedEdgeWithKey("MENTIONED_IN:country:viet-nam->article:a0", "country:viet-nam", "article:a0", {
    type: "MENTIONED_IN", label: "MENTIONED_IN", articles: ["a0"], evidence: [], confidence: 1,
  });
  return g;
}

describe("withMentionLinks", () => {
  it("adds one edge per article not yet linked, with that article's mentions quoted", () => {
    const linked = withMentionLinks(graphWithBusyNode(60));
    expect(linked.outDegree("country:viet-nam")).toBe(60);
    for (let i = 1; i < 60; i++) {
      const evidence = linked.getEdgeAttributes(`MENTIONED_IN:country:viet-nam->article:a${i}`).evidence;
      expect(evidence).toHaveLength(i % 3);
      for (const e of evidence) expect(e.quote).toBe("Việt Nam");
    }
    expect(linked.getEdgeAttributes("MENTIONED_IN:country:viet-nam->article:a0").evidence).toEqual([]);
  });
});
