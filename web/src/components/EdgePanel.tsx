// The side panel of a clicked edge: the relation in words, its confidence, and the sentences
// that state it (each once), each linked to its article with the sentence highlighted.
import type { KnowledgeGraph } from "../../../src/graph/types.ts";
import { distinctEvidence } from "../evidence.ts";
import { RELATION_NAMES } from "../kinds.ts";
import { readableError } from "../messages.ts";
import { useEdgeDetails } from "../use-details.ts";
import type { ArticleSpan } from "./EvidenceList.tsx";
import { EvidenceList } from "./EvidenceList.tsx";
import { LoadingPanel } from "./NodePanel.tsx";

export interface EdgePanelProps {
  /** The whole graph; null in the moment after a large graph's first frame, while its edges are added. */
  graph: KnowledgeGraph | null;
  edge: string;
  onSelect(node: string | null): void;
  onOpenArticle(span: ArticleSpan): void;
}

export function EdgePanel(props: EdgePanelProps) {
  const { graph, edge, onSelect } = props;
  if (!graph) return <LoadingPanel testId="edge-panel" onClose={() => onSelect(null)} />;
  if (!graph.hasEdge(edge)) {
    return (
      <aside className="panel node-panel" data-testid="edge-panel" aria-label="Quan hệ">
        <button type="button" className="close" aria-label="Đóng" onClick={() => onSelect(null)}>
          ×
        </button>
        <p>Không tìm thấy quan hệ {edge} trong đồ thị.</p>
      </aside>
    );
  }
  return <EdgeDetailsPanel {...props} graph={graph} />;
}

function EdgeDetailsPanel({ graph, edge, onSelect, onOpenArticle }: EdgePanelProps & { graph: KnowledgeGraph }) {
  // The evidence is not in the view graph: it comes with the edge's details.
  const details = useEdgeDetails(edge);
  const attributes = graph.getEdgeAttributes(edge);
  const evidence = details.status === "ready" ? details.value.attributes.evidence : [];
  const source = graph.source(edge);
  const target = graph.target(edge);
  const sentences = distinctEvidence(evidence).length;
  const end = (node: string) => (
    <button type="button" className="link" onClick={() => onSelect(node)} title={node}>
      {graph.getNodeAttribute(node, "label")}
    </button>
  );
  return (
    <aside className="panel node-panel" data-testid="edge-panel" data-edge={edge} aria-label="Quan hệ">
      <header>
        <span className="kind-badge relation-badge">{RELATION_NAMES[attributes.type] ?? attributes.type} · {attributes.type}</span>
        <button type="button" className="close" aria-label="Đóng" onClick={() => onSelect(null)}>
          ×
        </button>
        <h2 data-testid="edge-label">
          {end(source)} <span className="direction">–{attributes.type}→</span> {end(target)}
        </h2>
      </header>
      <dl className="attributes">
        <div>
          <dt>Độ tin cậy</dt>
          <dd data-testid="edge-confidence">{Math.round(attributes.confidence * 100)}%</dd>
        </div>
        <div>
          <dt>Bằng chứng</dt>
          <dd>
            {details.status === "ready" ? `${sentences} câu từ ${new Set(evidence.map((item) => item.article)).size} bài báo` : "…"}
          </dd>
        </div>
      </dl>
      {details.status === "ready" && <EvidenceList graph={graph} evidence={evidence} onOpen={onOpenArticle} />}
      {details.status === "loading" && <p className="note">Đang tải bằng chứng…</p>}
      {details.status === "error" && <p className="note error">{readableError(details.error.errorName, details.error.message)}</p>}
    </aside>
  );
}
