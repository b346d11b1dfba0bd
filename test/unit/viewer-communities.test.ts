// The viewer's communities (Louvain on what is shown, ranked, coloured, seeded) and how a
// Cypher result lands on the view (edges it returned, dashed relationships the view lacks,
// result nodes a filter hides); both pure, both in the URL's state.
import { MultiDirectedGraph } from "graphology";
import { describe, expect, test } from "vitest";
import type { EdgeAttributes, EntityKind, GraphAttributes, KnowledgeGraph, NodeAttributes, RelationType } from "../../src/graph/types.ts";
import type { CypherResult } from "../../src/server/types.ts";
import { KIND_COLORS } from "../../src/graph/style.ts";
import { COMMUNITY_PALETTE, OTHER_COMMUNITY_COLOR, colourCommunities, communityInput, findCommunities } from "../../web/src/communities.ts";
import { resultOnView, withRevealed } from "../../web/src/cypher-result.ts";
import { NO_FILTERS, visibleElements } from "../../web/src/filters.ts";
import { parseViewState, serializeViewState } from "../../web/src/url-state.ts";
import { viewerFixtureGraph } from "../helpers/viewer-fixture.ts";

/**
 * Two clusters joined by one edge: a meeting with six attendees, and one with four, one of
 * whom also attended the first. Plus a node with no link at all.
 */
function twoClusters(): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const node = (key: string, kind: "Country" | "Official" | "Meeting") => graph.addNode(key, { kind, label: key, aliases: [], articles: [], mentions: [], x: 0, y: 0 } as NodeAttributes);
  const edge = (source: string, type: RelationType, target: string) =>
    graph.addDirectedEdgeWithKey(`${type}:${source}->${target}`, source, target, { type, articles: [], evidence: [], confidence: 1 });
  node("meeting:big", "Meeting");
  node("meeting:small", "Meeting");
  node("country:alone", "Country");
  for (let i = 0; i < 6; i += 1) {
    node(`official:big-${i}`, "Official");
    edge(`official:big-${i}`, "ATTENDED", "meeting:big");
    if (i > 0) edge(`official:big-${i}`, "OFFICIAL_OF", `official:big-${i - 1}`);
  }
  for (let i = 0; i < 4; i += 1) {
    node(`official:small-${i}`, "Official");
    edge(`official:small-${i}`, "ATTENDED", "meeting:small");
    edge(`official:small-${i}`, "CHAIRED", "meeting:small");
  }
  edge("official:small-0", "ATTENDED", "meeting:big");
  return graph;
}

describe("communities", () => {
  const graph = twoClusters();
  const everything = visibleElements(graph, NO_FILTERS);

  test("the two clusters are two communities, the larger first, each in its colour", () => {
    const input = communityInput(graph, everything);
    const communities = colourCommunities(input, findCommunities(input));
    expect(communities.ranked).toHaveLength(2);
    const [first, second] = communities.ranked;
    expect(first?.nodes).toContain("meeting:big");
    expect(first?.nodes.filter((key) => key.startsWith("official:big"))).toHaveLength(6);
    expect(second?.nodes).toEqual(expect.arrayContaining(["meeting:small", "official:small-1", "official:small-2", "official:small-3"]));
    expect(first?.color).toBe(COMMUNITY_PALETTE[0]);
    expect(second?.color).toBe(COMMUNITY_PALETTE[1]);
    expect(communities.colors.get("official:big-3")).toBe(COMMUNITY_PALETTE[0]);
    // A node with no link is in no community of its own worth a colour.
    expect(communities.colors.get("country:alone")).toBe(OTHER_COMMUNITY_COLOR);
    expect(communities.modularity).toBeGreaterThan(0.2);
  });

  test("no community colour is a kind's colour (a community must not read as a kind)", () => {
    const kinds = new Set(Object.values(KIND_COLORS));
    expect(COMMUNITY_PALETTE.filter((color) => kinds.has(color))).toEqual([]);
    expect(kinds.has(OTHER_COMMUNITY_COLOR)).toBe(false);
  });

  test("a community's most central member is the one with most links inside it", () => {
    const input = communityInput(graph, everything);
    const [first, second] = colourCommunities(input, findCommunities(input)).ranked;
    expect(first?.central[0]).toBe("meeting:big");
    expect(second?.central[0]).toBe("meeting:small");
    expect(first?.central.length).toBeLessThanOrEqual(3);
  });

  test("the same shown graph gives the same communities, run after run (seeded)", () => {
    const input = () => communityInput(graph, everything);
    const runs = Array.from({ length: 4 }, () => colourCommunities(input(), findCommunities(input())));
    for (const run of runs) expect(run.ranked.map((community) => community.nodes)).toEqual(runs[0]?.ranked.map((community) => community.nodes));
  });

  test("only what is shown counts: a hidden kind or edge type is left out", () => {
    const visibility = visibleElements(graph, { ...NO_FILTERS, hiddenKinds: new Set<EntityKind>(["Meeting"]) });
    const input = communityInput(graph, visibility);
    expect(input.nodes).not.toContain("meeting:big");
    // Without the meetings only the chain of OFFICIAL_OF among the first six links anything.
    expect(input.sources.length).toBe(5);
    const communities = colourCommunities(input, findCommunities(input));
    expect(communities.ranked.flatMap((community) => community.nodes).every((key) => key.startsWith("official:big"))).toBe(true);
  });
});

describe("a Cypher result on the view", () => {
  const graph = viewerFixtureGraph();
  const everything = visibleElements(graph, NO_FILTERS);
  const JCM = "meeting:hoi-nghi-tham-van-chung-asean";
  const ARTICLE = "article:002_fcf32e649116f6ed";
  const ACC_ARTICLE = "article:001_e970c5ff869cd3a7";
  const answer = (nodes: string[], relationships: CypherResult["subgraph"]["relationships"]): CypherResult => ({
    columns: [],
    rows: [],
    subgraph: { nodes, relationships },
    truncated: false,
    cut: null,
  });

  test("a relationship the view has is highlighted; one it lacks is dashed", () => {
    const result = answer([], [
      { source: "country:brunei", target: JCM, type: "CHAIRED" },
      { source: "official:pham-binh-minh", target: ACC_ARTICLE, type: "MENTIONED_IN" },
    ]);
    const view = resultOnView(graph, result, everything);
    expect([...(view.highlight?.edges ?? [])]).toEqual([`CHAIRED:country:brunei->${JCM}`]);
    expect(view.dashed).toEqual([{ source: "official:pham-binh-minh", target: ACC_ARTICLE, type: "MENTIONED_IN" }]);
    expect(view.highlight?.nodes).toEqual(new Set(["country:brunei", JCM, "official:pham-binh-minh", ACC_ARTICLE]));
  });

  test("an edge hidden by a filter is drawn dashed too, and a hidden result node is shown", () => {
    const filtered = visibleElements(graph, { ...NO_FILTERS, hiddenKinds: new Set<EntityKind>(["Article"]), hiddenTypes: new Set<RelationType>(["CHAIRED"]) });
    const result = answer([], [
      { source: "country:brunei", target: JCM, type: "CHAIRED" },
      { source: JCM, target: ARTICLE, type: "MENTIONED_IN" },
    ]);
    const view = resultOnView(graph, result, filtered);
    expect(view.dashed.map((relationship) => relationship.type).sort()).toEqual(["CHAIRED", "MENTIONED_IN"]);
    expect([...view.revealed]).toEqual([ARTICLE]);
    expect(withRevealed(filtered, view.revealed).nodes.has(ARTICLE)).toBe(true);
    expect(withRevealed(filtered, new Set())).toBe(filtered);
  });

  test("a result of nodes only lights the edges among them (no edge set, not an empty one)", () => {
    const view = resultOnView(graph, answer(["official:pham-binh-minh", "meeting:hoi-nghi-hoi-dong-dieu-phoi-asean-25"], []), everything);
    expect(view.highlight).toEqual({ nodes: new Set(["official:pham-binh-minh", "meeting:hoi-nghi-hoi-dong-dieu-phoi-asean-25"]) });
    expect(view.dashed).toEqual([]);
  });

  test("the same relationship twice is dashed once; nodes the graph lacks are left out", () => {
    // The fixture carries JCM –MENTIONED_IN→ its article; Brunei's mention of it is Neo4j's only.
    const twice = { source: "country:brunei", target: ARTICLE, type: "MENTIONED_IN" };
    const view = resultOnView(graph, answer(["nowhere:node"], [twice, twice, { source: "nowhere:a", target: JCM, type: "ATTENDED" }]), everything);
    expect(view.dashed).toEqual([twice]);
    expect(view.highlight?.nodes).toEqual(new Set(["country:brunei", ARTICLE]));
  });
});

describe("communities in the URL", () => {
  test.each([
    ["?communities=1", { focus: null }],
    ["?communities=1&community=3", { focus: 3 }],
    ["?communities=1&community=0", { focus: null }],
    ["?communities=1&community=x", { focus: null }],
    ["?communities=1&clustered=1", { focus: null, clustered: true }],
    ["?communities=1&community=2&clustered=1", { focus: 2, clustered: true }],
    ["?communities=1&clustered=yes", { focus: null }],
  ])("%s", (search, communities) => {
    const state = parseViewState(search);
    expect(state.communities).toEqual(communities);
    expect(parseViewState(serializeViewState(state))).toEqual(state);
  });

  test("no switch, no communities (a focus alone means nothing)", () => {
    expect(parseViewState("?community=2").communities).toBeUndefined();
    expect(parseViewState("?clustered=1").communities).toBeUndefined();
    expect(serializeViewState({ ...parseViewState(""), communities: null })).toBe("");
  });
});
