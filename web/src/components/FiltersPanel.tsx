// Filters by kind (doubling as the colour legend), relation type, article and date range,
// each with a live count of what stays visible.
import { memo } from "react";
import { ENTITY_KINDS, RELATION_TYPES } from "../../../src/graph/types.ts";
import type { EntityKind, KnowledgeGraph, RelationType } from "../../../src/graph/types.ts";
import type { FilterCounts, ViewFilters } from "../filters.ts";
import { KIND_NAMES, RELATION_COLORS } from "../kinds.ts";
import { ArticleFilter } from "./ArticleFilter.tsx";

export interface FiltersPanelProps {
  graph: KnowledgeGraph;
  filters: ViewFilters;
  counts: FilterCounts;
  legend: Map<EntityKind, string>;
  onChange(filters: ViewFilters): void;
}

function toggled<T>(set: ReadonlySet<T>, item: T): Set<T> {
  const next = new Set(set);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return next;
}

// Memoised: a list of every article, redrawn only when its props change (not, for
// instance, when sigma is created or Neo4j answers).
export const FiltersPanel = memo(function FiltersPanel({ graph, filters, counts, legend, onChange }: FiltersPanelProps) {
  const dated = Boolean(filters.from || filters.to);
  return (
    <section className="filters" aria-label="Bộ lọc">
      <fieldset data-testid="kind-filters">
        <legend>Loại nút</legend>
        {ENTITY_KINDS.filter((kind) => counts.kinds[kind].total > 0).map((kind) => (
          <label key={kind} className="filter-row">
            <input
              type="checkbox"
              name={`kind-${kind}`}
              checked={!filters.hiddenKinds.has(kind)}
              onChange={() => onChange({ ...filters, hiddenKinds: toggled(filters.hiddenKinds, kind as EntityKind) })}
            />
            <span className="swatch" style={{ background: legend.get(kind) }} />
            <span className="filter-name">
              {kind} <small>{KIND_NAMES[kind]}</small>
            </span>
            <span className="count" data-testid={`count-${kind}`}>
              {counts.kinds[kind].visible}/{counts.kinds[kind].total}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset data-testid="type-filters">
        <legend>Quan hệ</legend>
        {RELATION_TYPES.filter((type) => counts.types[type].total > 0).map((type) => (
          <label key={type} className="filter-row">
            <input
              type="checkbox"
              name={`type-${type}`}
              checked={!filters.hiddenTypes.has(type)}
              onChange={() => onChange({ ...filters, hiddenTypes: toggled(filters.hiddenTypes, type as RelationType) })}
            />
            <span className="swatch line" style={{ background: RELATION_COLORS[type] }} />
            <span className="filter-name">{type}</span>
            <span className="count">
              {counts.types[type].visible}/{counts.types[type].total}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset data-testid="date-filters">
        <legend>Thời gian</legend>
        <label className="date-row">
          Từ <input type="date" name="from" value={filters.from ?? ""} onChange={(event) => onChange({ ...filters, from: event.target.value || null })} />
        </label>
        <label className="date-row">
          Đến <input type="date" name="to" value={filters.to ?? ""} onChange={(event) => onChange({ ...filters, to: event.target.value || null })} />
        </label>
        {dated && (
          <p className="note date-note" data-testid="date-note">
            Lọc theo ngày giữ các hội nghị diễn ra trong khoảng này và những gì nối trực tiếp với chúng. Hội nghị không rõ ngày và các bài báo
            (không có ngày diễn ra) bị ẩn.
          </p>
        )}
      </fieldset>
      <ArticleFilter graph={graph} selected={filters.articles} counts={counts.articles} onChange={(articles) => onChange({ ...filters, articles })} />
    </section>
  );
});
