// Louvain off the page's main thread: on the 10,000-article build's view graph it takes
// longer than a frame (docs/viewer.md, "Communities"), and the page must keep answering.
import { findCommunities } from "./communities.ts";
import type { CommunityInput, RankedCommunities } from "./communities.ts";

export interface CommunityRequest {
  id: number;
  input: CommunityInput;
}

export type CommunityReply = { id: number; ok: true; ranked: RankedCommunities } | { id: number; ok: false; name: string; message: string };

self.onmessage = (event: MessageEvent<CommunityRequest>) => {
  const { id, input } = event.data;
  let reply: CommunityReply;
  try {
    reply = { id, ok: true, ranked: findCommunities(input) };
  } catch (error) {
    reply = { id, ok: false, name: error instanceof Error ? error.name : "Error", message: error instanceof Error ? error.message : String(error) };
  }
  const transfer = reply.ok ? [...reply.ranked.members.map((members) => members.buffer), reply.ranked.layout.buffer] : [];
  (self as unknown as Worker).postMessage(reply, transfer);
};
