// Communities of what is shown, computed in a Web Worker when asked for and again whenever
// what is shown changes; the latest answer wins (an earlier one still running is ignored).
import { useEffect, useRef, useState } from "react";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { colourCommunities, communityInput } from "./communities.ts";
import type { Communities } from "./communities.ts";
import type { Visibility } from "./filters.ts";
import type { CommunityReply, CommunityRequest } from "./communities.worker.ts";

export type CommunityState =
  | { status: "off" }
  | { status: "computing" }
  | { status: "ready"; communities: Communities; ms: number; workerMs: number }
  | { status: "error"; name: string; message: string };

let worker: Worker | null = null;
/** One worker for the page, made on first use (most visits never ask for communities). */
function communityWorker(): Worker {
  worker ??= new Worker(new URL("./communities.worker.ts", import.meta.url), { type: "module", name: "communities" });
  return worker;
}

export function useCommunities(graph: KnowledgeGraph | null, visibility: Visibility, enabled: boolean): CommunityState {
  const [state, setState] = useState<CommunityState>({ status: "off" });
  const latest = useRef(0);
  useEffect(() => {
    latest.current += 1;
    const id = latest.current;
    if (!graph || !enabled) {
      setState({ status: "off" });
      return;
    }
    setState((previous) => (previous.status === "ready" ? previous : { status: "computing" }));
    const started = performance.now();
    const input = communityInput(graph, visibility);
    performance.measure("diplograph:communities-input", { start: started, end: performance.now() });
    let target: Worker;
    try {
      target = communityWorker();
    } catch (error) {
      // A browser (or a policy) that refuses workers: said in words, the kinds' colours kept.
      setState({ status: "error", name: error instanceof Error ? error.name : "Error", message: String(error) });
      return;
    }
    const onMessage = (event: MessageEvent<CommunityReply>) => {
      const reply = event.data;
      if (reply.id !== id || latest.current !== id) return;
      target.removeEventListener("message", onMessage);
      if (!reply.ok) {
        setState({ status: "error", name: reply.name, message: reply.message });
        return;
      }
      const received = performance.now();
      performance.mark("diplograph:communities-worker", { detail: reply.ranked.ms });
      performance.mark("diplograph:cluster-layout-worker", { detail: reply.ranked.layoutMs });
      const communities = colourCommunities(input, reply.ranked);
      const ms = performance.now() - started;
      performance.measure("diplograph:communities-colours", { start: received, end: started + ms });
      performance.measure("diplograph:communities", { start: started, end: started + ms });
      setState({ status: "ready", communities, ms, workerMs: reply.ranked.ms });
    };
    // A worker whose script fails to load or run never answers: say so instead of waiting.
    const onError = (event: ErrorEvent) => {
      if (latest.current === id) setState({ status: "error", name: "WorkerError", message: event.message });
    };
    target.addEventListener("message", onMessage);
    target.addEventListener("error", onError);
    // The edges are transferred (the page keeps only the keys, to name the answer's indices).
    const request: CommunityRequest = { id, input };
    target.postMessage(request, [input.sources.buffer, input.targets.buffer]);
    return () => {
      target.removeEventListener("message", onMessage);
      target.removeEventListener("error", onError);
    };
  }, [graph, visibility, enabled]);
  return state;
}
