// What a panel shows beyond the view graph: a node's or an edge's full attributes (article
// body, evidence), fetched when the panel opens and kept for the page's life, so reopening a
// node is instant and the first frame never waited for any of it.
import { useEffect, useState } from "react";
import type { EdgeDetails, NodeDetails } from "../../src/server/types.ts";
import { ApiCallError, fetchEdgeDetails, fetchNodeDetails } from "./api.ts";

export type Details<T> = { status: "loading" } | { status: "ready"; value: T } | { status: "error"; error: ApiCallError };

const nodeCache = new Map<string, Promise<NodeDetails>>();
const edgeCache = new Map<string, Promise<EdgeDetails>>();

function cached<T>(cache: Map<string, Promise<T>>, key: string, load: (key: string) => Promise<T>): Promise<T> {
  let promise = cache.get(key);
  if (!promise) {
    promise = load(key);
    cache.set(key, promise);
    // A failure is not remembered: opening the panel again asks again.
    promise.catch(() => cache.delete(key));
  }
  return promise;
}

function useDetails<T>(cache: Map<string, Promise<T>>, key: string, load: (key: string) => Promise<T>): Details<T> {
  const [state, setState] = useState<{ key: string; details: Details<T> }>({ key, details: { status: "loading" } });
  useEffect(() => {
    let current = true;
    cached(cache, key, load).then(
      (value) => current && setState({ key, details: { status: "ready", value } }),
      (error: unknown) => current && setState({ key, details: { status: "error", error: error instanceof ApiCallError ? error : new ApiCallError("Error", String(error)) } }),
    );
    return () => {
      current = false;
    };
  }, [cache, key, load]);
  // A state left from the previous key is not this key's.
  return state.key === key ? state.details : { status: "loading" };
}

export const useNodeDetails = (key: string): Details<NodeDetails> => useDetails(nodeCache, key, fetchNodeDetails);
export const useEdgeDetails = (key: string): Details<EdgeDetails> => useDetails(edgeCache, key, fetchEdgeDetails);
