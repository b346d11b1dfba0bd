// The side panel of the selected node: its attributes, its relations grouped by type,
// and for each relation the sentences that state it with their article's title and date.
// All text is data from articles: it is rendered as text, never as markup.
import { useEffect, useRef } from "react";
import type { ReactNode } from "react";
import { RELATION_TYPES } from "../../../src/graph/types.ts";
import type { Evidence, KnowledgeGraph, NodeAttributes, RelationType } from "../../../src/graph/types.ts";
import { readableError } from "../messages.ts";
import type { Details } from "../use-details.ts";
import { useNodeDetails } from "../use-details.ts";
import type { NodeDetails } from "../../../src/server/types.ts";
import { BADGE_TEXT_COLOR, badgeBackground, KIND_NAMES } from "../kinds.ts";
import { articleOf, EvidenceList } from "./EvidenceList.tsx";
import type { ArticleSpan } from "./EvidenceList.tsx";

interface Relation {
  edge: string;
  type: RelationType;
  outgoing: boolean;
  other: string;
  confidence: number;
}

function relationsOf(graph: KnowledgeGraph, node: string): Map<RelationType, Relation[]> {
  const groups = new Map<RelationType, Relation[]>();
  graph.forEachEdge(node, (edge, attributes, source, target) => {
    const outgoing = source === node;
    const relation: Relation = { edge, type: attributes.type, outgoing, other: outgoing ? target : source, confidence: attributes.confidence };
    const group = groups.get(attributes.type) ?? [];
    group.push(relation);
    groups.set(attributes.type, group);
  });
  return groups;
}

function labelOf(graph: KnowledgeGraph, key: string): string {
  return graph.hasNode(key) ? graph.getNodeAttribute(key, "label") : key;
}

function dateSpan(start?: string, end?: string): string | null {
  if (!start) return null;
  return end && end !== start ? `${start} → ${end}` : start;
}

/** The rows of the attribute table, by kind; empty values are left out. */
function attributeRows(attributes: NodeAttributes, select: (key: string) => void, graph: KnowledgeGraph): Array<[string, ReactNode]> {
  const rows: Array<[string, ReactNode]> = [];
  const add = (name: string, value: ReactNode | null | undefined) => {
    if (value !== null && value !== undefined && value !== "") rows.push([name, value]);
  };
  switch (attributes.kind) {
    case "Official":
      add("Chức danh", attributes.titles.join(", "));
      if (attributes.country)
        add("Quốc gia", <NodeLink graph={graph} node={attributes.country} select={select} />);
      break;
    case "Meeting":
      add("Ngày", attributes.date ?? dateSpan(attributes.startDate, attributes.endDate));
      add("Địa điểm", attributes.place);
      add("Hình thức", attributes.format);
      add("Lần thứ", attributes.ordinal);
      add("Chuỗi", attributes.series);
      break;
    case "Document":
      add("Loại", attributes.docKind);
      break;
    case "Country":
      add("ISO", attributes.iso);
      break;
    case "Article":
      add("Tiêu đề", attributes.title);
      add("Ngày đăng", attributes.published);
      add("Nguồn", attributes.publisher);
      add("Tệp", attributes.file);
      break;
    case "Organization":
      break;
  }
  add("Tên khác", attributes.aliases.join(" · "));
  return rows;
}

function NodeLink({ graph, node, select }: { graph: KnowledgeGraph; node: string; select: (key: string) => void }) {
  return (
    <button type="button" className="link" onClick={() => select(node)} title={node}>
      {labelOf(graph, node)}
    </button>
  );
}

/** The article's text with one span marked (a sentence cited as evidence), scrolled into view. */
function ArticleBody({ body, highlight }: { body: string; highlight: { start: number; end: number } | null }) {
  const mark = useRef<HTMLElement>(null);
  // In braces: a recent Chromium returns a promise from scrollIntoView, which React would
  // take for the effect's clean-up function.
  useEffect(() => {
    mark.current?.scrollIntoView({ block: "center" });
  }, [highlight]);
  const span = highlight && highlight.start < highlight.end && highlight.end <= body.length ? highlight : null;
  return (
    <p data-testid="article-body">
      {span ? (
        <>
          {body.slice(0, span.start)}
          <mark ref={mark} data-testid="article-highlight">
            {body.slice(span.start, span.end)}
          </mark>
          {body.slice(span.end)}
        </>
      ) : (
        body
      )}
    </p>
  );
}

export interface NodePanelProps {
  /** The whole graph; null in the moment after a large graph's first frame, while its edges are added. */
  graph: KnowledgeGraph | null;
  node: string;
  /** A span of the article's text to mark (opened from a citation). */
  highlight: { start: number; end: number } | null;
  /** Whether the ego view is centred on this node already. */
  inEgo: boolean;
  onSelect(node: string | null): void;
  onOpenArticle(span: ArticleSpan): void;
  onEgo(node: string, depth: 1 | 2): void;
  onSelectEdge(edge: string): void;
}

/** The evidence of one edge once the node's details have come, or why it has not. */
function RelationEvidence({ graph, details, edge, onOpen }: { graph: KnowledgeGraph; details: Details<NodeDetails>; edge: string; onOpen(span: ArticleSpan): void }) {
  if (details.status === "loading") return <p className="note">Đang tải bằng chứng…</p>;
  if (details.status === "error") return <p className="note error">{readableError(details.error.errorName, details.error.message)}</p>;
  const evidence: Evidence[] = details.value.evidence[edge] ?? [];
  return <EvidenceList graph={graph} evidence={evidence} onOpen={onOpen} />;
}

export function NodePanel(props: NodePanelProps) {
  const { graph, node, onSelect } = props;
  if (!graph) return <LoadingPanel testId="node-panel" onClose={() => onSelect(null)} />;
  if (!graph.hasNode(node)) {
    return (
      <aside className="panel node-panel" data-testid="node-panel" data-node={node}>
        <button type="button" className="close" aria-label="Đóng" onClick={() => onSelect(null)}>
          ×
        </button>
        <p>Không tìm thấy nút {node} trong đồ thị.</p>
      </aside>
    );
  }
  return <NodeDetailsPanel {...props} graph={graph} />;
}

/** A panel opened while the graph's relations are still being read (a large graph, just after its first frame). */
export function LoadingPanel({ testId, onClose }: { testId: string; onClose(): void }) {
  return (
    <aside className="panel node-panel" data-testid={testId} aria-busy="true">
      <button type="button" className="close" aria-label="Đóng" onClick={onClose}>
        ×
      </button>
      <p className="note">Đang đọc các quan hệ của đồ thị…</p>
    </aside>
  );
}

function NodeDetailsPanel({ graph, node, highlight, inEgo, onSelect, onOpenArticle, onEgo, onSelectEdge }: NodePanelProps & { graph: KnowledgeGraph }) {
  // Bodies and evidence are not in the view graph: they come with the node's details.
  const details = useNodeDetails(node);
  const attributes = details.status === "ready" ? details.value.attributes : graph.getNodeAttributes(node);
  const select = (key: string) => onSelect(key);
  const groups = relationsOf(graph, node);
  const articles = attributes.kind === "Article" ? [] : attributes.articles;
  return (
    <aside className="panel node-panel" data-testid="node-panel" data-node={node} aria-label={attributes.label}>
      <header>
        <span className="kind-badge" style={{ background: badgeBackground(attributes.kind), color: BADGE_TEXT_COLOR }}>
          {KIND_NAMES[attributes.kind]} · {attributes.kind}
        </span>
        <button type="button" className="close" aria-label="Đóng" onClick={() => onSelect(null)}>
          ×
        </button>
        <h2 data-testid="node-label">{attributes.label}</h2>
        <code className="node-key">{node}</code>
        <div className="ego-actions">
          <button type="button" data-testid="ego-1" onClick={() => onEgo(node, 1)} disabled={inEgo}>
            Xem lân cận
          </button>
          <button type="button" data-testid="ego-2" onClick={() => onEgo(node, 2)}>
            Lân cận 2 bước
          </button>
        </div>
      </header>
      <dl className="attributes">
        {attributeRows(attributes, select, graph).map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {RELATION_TYPES.filter((type) => groups.has(type)).map((type) => (
        <section key={type} className="relation-group" data-testid={`relations-${type}`}>
          <h3>
            {type} <span className="count">{groups.get(type)?.length}</span>
          </h3>
          <ul>
            {groups.get(type)?.map((relation) => (
              <li key={relation.edge} className="relation">
                <div className="relation-head">
                  <span className="direction">{relation.outgoing ? "→" : "←"}</span>
                  <NodeLink graph={graph} node={relation.other} select={select} />
                  <span className="confidence" title="độ tin cậy">
                    {Math.round(relation.confidence * 100)}%
                  </span>
                  <button type="button" className="link" data-testid="open-edge" title="Mở quan hệ này" onClick={() => onSelectEdge(relation.edge)}>
                    chi tiết
                  </button>
                </div>
                <RelationEvidence graph={graph} details={details} edge={relation.edge} onOpen={onOpenArticle} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {articles.length > 0 && (
        <section className="articles">
          <h3>Bài báo</h3>
          <ul>
            {articles.map((id) => (
              <li key={id}>
                {graph.hasNode(`article:${id}`) ? <NodeLink graph={graph} node={`article:${id}`} select={select} /> : id}
                {articleOf(graph, id)?.published ? ` — ${articleOf(graph, id)?.published}` : ""}
              </li>
            ))}
          </ul>
        </section>
      )}
      {attributes.kind === "Article" && (
        <details className="article-body" open>
          <summary>Nội dung</summary>
          {details.status === "ready" && attributes.kind === "Article" ? (
            <ArticleBody body={attributes.body} highlight={highlight} />
          ) : (
            <p className="note">{details.status === "error" ? readableError(details.error.errorName, details.error.message) : "Đang tải nội dung…"}</p>
          )}
        </details>
      )}
    </aside>
  );
}
