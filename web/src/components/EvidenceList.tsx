// The sentences that state a fact, each once, with the article they come from (title, date,
// publisher) and a link that opens that article with the sentence highlighted.
import type { ArticleAttributes, Evidence, KnowledgeGraph } from "../../../src/graph/types.ts";
import { distinctEvidence } from "../evidence.ts";

export interface ArticleSpan {
  article: string;
  start: number;
  end: number;
}

export function articleOf(graph: KnowledgeGraph, id: string): ArticleAttributes | null {
  const key = `article:${id}`;
  if (!graph.hasNode(key)) return null;
  const attributes = graph.getNodeAttributes(key);
  return attributes.kind === "Article" ? attributes : null;
}

/** The link to an article with a span highlighted, as the URL state writes it. */
export function articleHref(span: ArticleSpan): string {
  return `?node=${encodeURIComponent(`article:${span.article}`)}&hl=${span.start}-${span.end}`;
}

function EvidenceItem({ graph, evidence, onOpen }: { graph: KnowledgeGraph; evidence: Evidence; onOpen(span: ArticleSpan): void }) {
  const article = articleOf(graph, evidence.article);
  const span = { article: evidence.article, start: evidence.start, end: evidence.end };
  return (
    <li className="evidence" data-testid="evidence">
      <blockquote>{evidence.quote}</blockquote>
      <cite>
        <a
          href={articleHref(span)}
          data-testid="evidence-link"
          onClick={(event) => {
            // A plain click stays in the page (and its history); a middle click opens a tab.
            if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
            event.preventDefault();
            onOpen(span);
          }}
        >
          {article ? article.title : evidence.article}
        </a>
        {article?.published ? ` — ${article.published}` : " — không rõ ngày"}
        {article?.publisher ? ` (${article.publisher})` : ""}
      </cite>
    </li>
  );
}

export function EvidenceList({ graph, evidence, onOpen }: { graph: KnowledgeGraph; evidence: readonly Evidence[]; onOpen(span: ArticleSpan): void }) {
  return (
    <ul className="evidence-list">
      {distinctEvidence(evidence).map((item) => (
        <EvidenceItem key={`${item.article}:${item.start}:${item.end}`} graph={graph} evidence={item} onOpen={onOpen} />
      ))}
    </ul>
  );
}
