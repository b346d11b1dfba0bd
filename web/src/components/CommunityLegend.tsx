// The communities control: a switch that colours the shown graph by community, one that lays
// it out grouped by community (each a disc of its own: cluster-layout.ts), and a legend of the
// largest ones with their most central members; a click on an entry brings that community
// forward and frames it, a second click lets it go.
import type { KnowledgeGraph } from "../../../src/graph/types.ts";
import { localized, readableError } from "../messages.ts";
import type { ClusterViewStatus } from "../use-cluster-view.ts";
import type { CommunityState } from "../use-communities.ts";

/** Entries in the legend: the rest are counted in one line. */
export const LEGEND_SIZE = 8;

export interface CommunityLegendProps {
  graph: KnowledgeGraph;
  state: CommunityState;
  enabled: boolean;
  focus: number | null;
  /** The clustered view: asked for (`clustered`) and where it stands on the canvas. */
  clustered: ClusterViewStatus;
  onEnabled(enabled: boolean): void;
  onClustered(clustered: boolean): void;
  onFocus(rank: number | null): void;
}

export function CommunityLegend({ graph, state, enabled, focus, clustered, onEnabled, onClustered, onFocus }: CommunityLegendProps) {
  const ranked = state.status === "ready" ? state.communities.ranked : [];
  const rest = ranked.slice(LEGEND_SIZE);
  return (
    <section className="communities" aria-label={localized("Cộng đồng", "Communities")} data-testid="communities" data-status={state.status} data-layout={clustered}>
      <label className="filter-row community-switch">
        <input type="checkbox" name="communities" checked={enabled} onChange={(event) => onEnabled(event.target.checked)} />
        <span className="filter-name">{localized("Tô màu theo cộng đồng (Louvain)", "Colour by community (Louvain)")}</span>
      </label>
      <label className="filter-row community-switch">
        <input type="checkbox" name="clustered" checked={clustered !== "off"} onChange={(event) => onClustered(event.target.checked)} />
        <span className="filter-name">{localized("Xếp các nút theo cộng đồng", "Group nodes by community")}</span>
      </label>
      {enabled && state.status === "computing" && (
        <p className="note" role="status">
          {localized("Đang tìm các cộng đồng…", "Finding communities…")}
        </p>
      )}
      {enabled && state.status === "error" && (
        <p className="filter-error" role="alert">
          {readableError(state.name, state.message)}
        </p>
      )}
      {enabled && state.status === "ready" && (
        <>
          <p className="note" data-testid="community-summary">
            {localized(
              `${ranked.length} cộng đồng (modularity ${state.communities.modularity.toFixed(2)}). Bấm một cộng đồng để làm nổi bật và xem vừa khung.`,
              `${ranked.length} communities (modularity ${state.communities.modularity.toFixed(2)}). Click one to bring it forward and frame it.`,
            )}
          </p>
          <ol className="community-list">
            {ranked.slice(0, LEGEND_SIZE).map((community) => (
              <li key={community.rank}>
                <button
                  type="button"
                  className={`community-entry${focus === community.rank ? " active" : ""}`}
                  data-testid={`community-${community.rank}`}
                  aria-pressed={focus === community.rank}
                  onClick={() => onFocus(focus === community.rank ? null : community.rank)}
                >
                  <span className="swatch" style={{ background: community.color }} />
                  <span className="community-members">{community.central.map((node) => graph.getNodeAttribute(node, "label")).join(", ")}</span>
                  <span className="count">{community.nodes.length}</span>
                </button>
              </li>
            ))}
          </ol>
          {rest.length > 0 && (
            <p className="note">
              {localized(
                `và ${rest.length} cộng đồng nhỏ hơn (${rest.reduce((sum, community) => sum + community.nodes.length, 0)} nút), tô màu xám khi hết bảng màu.`,
                `and ${rest.length} smaller communities (${rest.reduce((sum, community) => sum + community.nodes.length, 0)} nodes), grey once the palette runs out.`,
              )}
            </p>
          )}
        </>
      )}
    </section>
  );
}
