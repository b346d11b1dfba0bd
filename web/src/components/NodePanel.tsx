// The side panel of the selected node: its attributes, its relations grouped by type,
// and for each relation the sentences that state it with their article's title and date.
// All text is data from articles: it is rendered as text, never as markup.
import type { ReactNode } from "react";
import { RELATION_TYPES } from "../../../src/graph/types.ts";
import type { ArticleAttributes, Evidence, KnowledgeGraph, NodeAttributes, RelationType } from "../../../src/graph/types.ts";
import { KIND_COLORS, KIND_NAMES } from "../kinds.ts";

interface Relation {
  edge: string;
  type: RelationType;
  outgoing: boolean;
  other: string;
  evidence: Evidence[];
  confidence: number;
}

function relationsOf(graph: KnowledgeGraph, node: string): Map<RelationType, Relation[]> {
  const groups = new Map<RelationType, Relation[]>();
  graph.forEachEdge(node, (edge, attributes, source, target) => {
    const outgoing = source === node;
    const relation: Relation = { edge, type: attributes.type, outgoing, other: outgoing ? target : source, evidence: attributes.evidence, confidence: attributes.confidence };
    const group = groups.get(attributes.type) ?? [];
    group.push(relation);
    groups.set(attributes.type, group);
  });
  return groups;
}

function articleOf(graph: KnowledgeGraph, id: string): ArticleAttributes | null {
  const key = `article:${id}`;
  if (!graph.hasNode(key)) return null;
  const attributes = graph.getNodeAttributes(key);
  return attributes.kind === "Article" ? attributes : null;
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

function EvidenceItem({ graph, evidence }: { graph: KnowledgeGraph; evidence: Evidence }) {
  const article = articleOf(graph, evidence.article);
  return (
    <li className="evidence" data-testid="evidence">
      <blockquote>{evidence.quote}</blockquote>
      <cite>
        {article ? article.title : evidence.article}
        {article?.published ? ` — ${article.published}` : ""}
        {article?.publisher ? ` (${article.publisher})` : ""}
      </cite>
    </li>
  );
}

export interface NodePanelProps {
  graph: KnowledgeGraph;
  node: string;
  onSelect(node: string | null): void;
}

export function NodePanel({ graph, node, onSelect }: NodePanelProps) {
  if (!graph.hasNode(node)) {
    return (
      <aside className="panel node-panel" data-testid="node-panel" data-node={node}>
        <p>Không tìm thấy nút {node} trong đồ thị.</p>
      </aside>
    );
  }
  const attributes = graph.getNodeAttributes(node);
  const select = (key: string) => onSelect(key);
  const groups = relationsOf(graph, node);
  const articles = attributes.kind === "Article" ? [] : attributes.articles;
  return (
    <aside className="panel node-panel" data-testid="node-panel" data-node={node}>
      <header>
        <span className="kind-badge" style={{ background: KIND_COLORS[attributes.kind] }}>
          {KIND_NAMES[attributes.kind]} · {attributes.kind}
        </span>
        <button type="button" className="close" aria-label="Đóng" onClick={() => onSelect(null)}>
          ×
        </button>
        <h2 data-testid="node-label">{attributes.label}</h2>
        <code className="node-key">{node}</code>
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
                </div>
                <ul className="evidence-list">
                  {relation.evidence.map((evidence, index) => (
                    <EvidenceItem key={index} graph={graph} evidence={evidence} />
                  ))}
                </ul>
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
          <p data-testid="article-body">{attributes.body}</p>
        </details>
      )}
    </aside>
  );
}
