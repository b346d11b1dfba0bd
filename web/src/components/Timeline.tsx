// The timeline strip: meetings by month as bars. Dragging across it (a brush) sets the date
// filter to the months covered, so "what happened in 2020" is one gesture; the undated
// meetings are counted apart, with why a date filter hides them.
import { memo, useMemo, useRef, useState } from "react";
import type { PointerEvent as ReactPointerEvent } from "react";
import type { KnowledgeGraph } from "../../../src/graph/types.ts";
import { meetingTimeline, monthSpan } from "../timeline.ts";

export interface TimelineProps {
  graph: KnowledgeGraph;
  from: string | null;
  to: string | null;
  onRange(from: string | null, to: string | null): void;
}

const HEIGHT = 44;

export const Timeline = memo(function Timeline({ graph, from, to, onRange }: TimelineProps) {
  const timeline = useMemo(() => meetingTimeline(graph), [graph]);
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const { bins } = timeline;
  if (bins.length === 0 && timeline.undated === 0) return null;
  const max = Math.max(1, ...bins.map((bin) => bin.count));
  const width = Math.max(1, bins.length);

  /** The bin under a pointer, from its x within the strip. */
  const binAt = (event: ReactPointerEvent<SVGSVGElement>): number => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || box.width === 0) return 0;
    return Math.min(bins.length - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * bins.length)));
  };
  // The chosen span, in bins: the drag while dragging, else the date filter.
  const selected = drag
    ? { first: Math.min(drag.start, drag.end), last: Math.max(drag.start, drag.end) }
    : from || to
      ? {
          first: from ? bins.findIndex((bin) => monthSpan(bin.month).to >= from) : 0,
          last: to ? bins.findLastIndex((bin) => monthSpan(bin.month).from <= to) : bins.length - 1,
        }
      : null;

  return (
    <section className="timeline" aria-label="Dòng thời gian các hội nghị" data-testid="timeline">
      {bins.length > 0 && (
        <div className="timeline-strip">
          <span className="timeline-end">{bins[0]?.month}</span>
          <svg
            ref={svg}
            data-testid="timeline-brush"
            viewBox={`0 0 ${width} ${HEIGHT}`}
            preserveAspectRatio="none"
            role="img"
            aria-label={`${timeline.dated} hội nghị có ngày, từ ${bins[0]?.month} đến ${bins.at(-1)?.month}; kéo để lọc theo khoảng thời gian`}
            onPointerDown={(event) => {
              event.currentTarget.setPointerCapture(event.pointerId);
              const bin = binAt(event);
              setDrag({ start: bin, end: bin });
            }}
            onPointerMove={(event) => drag && setDrag({ ...drag, end: binAt(event) })}
            onPointerUp={(event) => {
              if (!drag) return;
              const end = binAt(event);
              const [first, last] = [Math.min(drag.start, end), Math.max(drag.start, end)];
              setDrag(null);
              const firstBin = bins[first];
              const lastBin = bins[last];
              if (firstBin && lastBin) onRange(monthSpan(firstBin.month).from, monthSpan(lastBin.month).to);
            }}
          >
            {selected && selected.first >= 0 && selected.last >= selected.first && (
              <rect className="timeline-selection" x={selected.first} y={0} width={selected.last - selected.first + 1} height={HEIGHT} />
            )}
            {bins.map((bin, index) =>
              bin.count > 0 ? (
                <rect key={bin.month} className="timeline-bar" x={index + 0.1} width={0.8} y={HEIGHT - (bin.count / max) * (HEIGHT - 2)} height={(bin.count / max) * (HEIGHT - 2)}>
                  <title>
                    {bin.month}: {bin.count} hội nghị
                  </title>
                </rect>
              ) : null,
            )}
          </svg>
          <span className="timeline-end">{bins.at(-1)?.month}</span>
        </div>
      )}
      <div className="timeline-notes">
        {(from || to) && (
          <button type="button" data-testid="timeline-clear" onClick={() => onRange(null, null)}>
            Bỏ lọc thời gian
          </button>
        )}
        {timeline.undated > 0 && (
          <span className="timeline-undated" data-testid="timeline-undated" title="Bài báo không nêu ngày của các hội nghị này, nên chúng không có chỗ trên dòng thời gian; khi lọc theo ngày, chúng bị ẩn.">
            {timeline.undated} hội nghị không rõ ngày (không nằm trên dòng thời gian; bị ẩn khi lọc theo ngày)
          </span>
        )}
      </div>
    </section>
  );
});
