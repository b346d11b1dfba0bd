// Runs ForceAtlas2 in a Web Worker on demand, so the page stays responsive while the
// layout moves; the build's positions are the starting point. The worker is made on the
// first click, not on load: copying a large graph into it would delay the first frame.
import FA2Layout from "graphology-layout-forceatlas2/worker";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { useEffect, useRef, useState } from "react";
import type { KnowledgeGraph } from "../../../src/graph/types.ts";

/** `graph`: the whole graph, null (the button off) while a large graph's edges are added after its first frame. */
export function LayoutToggle({ graph }: { graph: KnowledgeGraph | null }) {
  const layout = useRef<FA2Layout | null>(null);
  const [running, setRunning] = useState(false);

  useEffect(
    () => () => {
      layout.current?.kill();
      layout.current = null;
    },
    [graph],
  );

  const toggle = () => {
    if (!graph) return;
    layout.current ??= new FA2Layout(graph, { settings: { ...forceAtlas2.inferSettings(graph), slowDown: 5 } });
    const worker = layout.current;
    if (worker.isRunning()) worker.stop();
    else worker.start();
    setRunning(worker.isRunning());
  };

  return (
    <button type="button" className="layout-toggle" data-testid="layout-toggle" aria-pressed={running} disabled={!graph} onClick={toggle}>
      {running ? "⏸ Dừng bố cục" : "▶ Chạy bố cục ForceAtlas2"}
    </button>
  );
}
