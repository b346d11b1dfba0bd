// The article filter: one row per article, thousands on a real corpus, so the list is
// virtualised (@tanstack/react-virtual draws only the rows in sight) and searchable, with
// "select all / none" acting on the articles the search leaves.
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useMemo, useRef, useState } from "react";
import type { KnowledgeGraph } from "../../../src/graph/types.ts";
import { foldDiacritics } from "../../../src/text/fold.ts";
import { articleIdOf } from "../filters.ts";

const fold = (text: string): string => foldDiacritics(text).toLowerCase();

interface ArticleEntry {
  id: string;
  title: string;
  published: string | null;
}

function articlesOf(graph: KnowledgeGraph): ArticleEntry[] {
  const entries: ArticleEntry[] = [];
  graph.forEachNode((key, attributes) => {
    if (attributes.kind !== "Article") return;
    entries.push({ id: articleIdOf(key), title: attributes.title, published: attributes.published });
  });
  return entries.sort((a, b) => (a.published ?? "").localeCompare(b.published ?? "") || a.id.localeCompare(b.id));
}

/** What the article search matches, folded on the first search: 10,000 titles are ≈ 0.2 s to fold, too much for the first frame. */
const foldedArticles = (articles: ArticleEntry[]): string[] => articles.map((article) => fold(`${article.title} ${article.id} ${article.published ?? ""}`));

export interface ArticleFilterProps {
  graph: KnowledgeGraph;
  /** Article ids kept; null keeps all. */
  selected: ReadonlySet<string> | null;
  counts: Map<string, number>;
  onChange(selected: ReadonlySet<string> | null): void;
}

const ROW_HEIGHT = 24;

export const ArticleFilter = memo(function ArticleFilter({ graph, selected, counts, onChange }: ArticleFilterProps) {
  const articles = useMemo(() => articlesOf(graph), [graph]);
  const [query, setQuery] = useState("");
  const searched = query.trim() !== "";
  const folded = useMemo(() => (searched ? foldedArticles(articles) : null), [articles, searched]);
  const shown = useMemo(() => {
    const wanted = fold(query).trim();
    return wanted && folded ? articles.filter((_article, index) => folded[index]?.includes(wanted)) : articles;
  }, [articles, folded, query]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  if (articles.length === 0) return null;

  const isChecked = (id: string) => !selected || selected.has(id);
  // The full set is written as null (no filter), so the URL stays short and new articles show.
  const commit = (next: Set<string>) => onChange(next.size === articles.length ? null : next);
  const toggle = (id: string) => {
    const next = new Set(selected ?? articles.map((article) => article.id));
    if (next.has(id)) next.delete(id);
    else next.add(id);
    commit(next);
  };
  const setShown = (keep: boolean) => {
    const next = new Set(selected ?? articles.map((article) => article.id));
    for (const article of shown) {
      if (keep) next.add(article.id);
      else next.delete(article.id);
    }
    commit(next);
  };
  const kept = selected ? selected.size : articles.length;

  return (
    <fieldset data-testid="article-filters" className="article-filters">
      <legend>
        Bài báo <span className="count">{kept}/{articles.length}</span>
      </legend>
      <input
        type="search"
        className="article-search"
        name="article-search"
        aria-label="Tìm bài báo theo tiêu đề, mã hoặc ngày"
        placeholder="Tìm bài báo…"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className="article-actions">
        <button type="button" data-testid="articles-all" onClick={() => setShown(true)}>
          Chọn tất cả{query ? ` (${shown.length})` : ""}
        </button>
        <button type="button" data-testid="articles-none" onClick={() => setShown(false)}>
          Bỏ chọn tất cả{query ? ` (${shown.length})` : ""}
        </button>
      </div>
      <div ref={scroller} className="article-scroller" data-testid="article-scroller">
        <div style={{ height: virtual.getTotalSize(), position: "relative" }}>
          {virtual.getVirtualItems().map((row) => {
            const article = shown[row.index];
            if (!article) return null;
            return (
              <label
                key={article.id}
                className="filter-row article-row"
                title={article.title}
                style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              >
                <input type="checkbox" name={`article-${article.id}`} checked={isChecked(article.id)} onChange={() => toggle(article.id)} />
                <span className="filter-name article-title">
                  {article.published ?? "không rõ ngày"} · {article.title}
                </span>
                <span className="count">{counts.get(article.id) ?? 0}</span>
              </label>
            );
          })}
        </div>
      </div>
    </fieldset>
  );
});
