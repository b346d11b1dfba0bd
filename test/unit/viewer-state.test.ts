// The viewer's pure state: the view in the URL (round trips, bad values dropped) and the
// filters, which must select exactly what the command-line export selects.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { selectSubgraph } from "../../src/export/select.ts";
import { ENTITY_KINDS, RELATION_TYPES } from "../../src/graph/types.ts";
import type { EntityKind, RelationType } from "../../src/graph/types.ts";
import { filterCounts, NO_FILTERS, toSelection, visibleElements, wholeSource } from "../../web/src/filters.ts";
import type { ViewFilters } from "../../web/src/filters.ts";
import { parseViewState, serializeViewState } from "../../web/src/url-state.ts";
import type { ViewState } from "../../web/src/url-state.ts";
import { viewerFixtureGraph } from "../helpers/viewer-fixture.ts";

const EMPTY: ViewState = { selected: null, query: "", cypher: "", filters: NO_FILTERS };

describe("view state in the URL", () => {
  test.each<[string, ViewState]>([
    ["", EMPTY],
    ["?node=official%3Apham-binh-minh&q=pham+binh+minh", { ...EMPTY, selected: "official:pham-binh-minh", query: "pham binh minh" }],
    ["?hide=Document,Article", { ...EMPTY, filters: { ...NO_FILTERS, hiddenKinds: new Set<EntityKind>(["Document", "Article"]) } }],
    ["?hideRel=ATTENDED&from=2021-01-01&to=2021-12-31", { ...EMPTY, filters: { ...NO_FILTERS, hiddenTypes: new Set<RelationType>(["ATTENDED"]), from: "2021-01-01", to: "2021-12-31" } }],
    ["?articles=002_fcf32e649116f6ed", { ...EMPTY, filters: { ...NO_FILTERS, articles: new Set(["002_fcf32e649116f6ed"]) } }],
    ["?articles=", { ...EMPTY, filters: { ...NO_FILTERS, articles: new Set() } }],
    ["?cypher=MATCH+(n)+RETURN+n", { ...EMPTY, cypher: "MATCH (n) RETURN n" }],
  ])("%s", (search, state) => {
    expect(parseViewState(search)).toEqual(state);
    expect(parseViewState(serializeViewState(state))).toEqual(state);
  });

  test.each([
    ["unknown kinds and relation types", "?hide=Planet,Country&hideRel=LIKES", { hiddenKinds: new Set(["Country"]), hiddenTypes: new Set() }],
    ["dates that are not ISO days", "?from=17/6/2021&to=2021-6-1", { from: null, to: null }],
  ])("drops %s", (_case, search, expected) => {
    expect(parseViewState(search).filters).toMatchObject(expected);
  });

  test("any state survives the round trip", () => {
    const state = fc.record({
      selected: fc.option(fc.string({ minLength: 1 }), { nil: null }),
      query: fc.string(),
      cypher: fc.string(),
      filters: fc.record({
        hiddenKinds: fc.subarray([...ENTITY_KINDS]).map((kinds) => new Set(kinds)),
        hiddenTypes: fc.subarray([...RELATION_TYPES]).map((types) => new Set(types)),
        articles: fc.option(fc.uniqueArray(fc.stringMatching(/^[0-9a-z_]{1,12}$/)).map((ids) => new Set(ids)), { nil: null }),
        from: fc.option(fc.constantFrom("2020-01-01", "2021-06-17"), { nil: null }),
        to: fc.option(fc.constantFrom("2021-12-31", "2024-06-18"), { nil: null }),
      }),
    });
    fc.assert(
      fc.property(state, (value) => {
        expect(parseViewState(serializeViewState(value))).toEqual(value);
      }),
    );
  });
});

describe("filters", () => {
  const graph = viewerFixtureGraph();

  test.each<[string, Partial<ViewFilters>]>([
    ["no filters", {}],
    ["documents hidden", { hiddenKinds: new Set<EntityKind>(["Document"]) }],
    ["articles hidden (a large graph's default)", { hiddenKinds: new Set<EntityKind>(["Article"]) }],
    ["articles and OFFICIAL_OF hidden", { hiddenKinds: new Set<EntityKind>(["Article"]), hiddenTypes: new Set<RelationType>(["OFFICIAL_OF"]) }],
    ["ATTENDED and MENTIONED_IN hidden", { hiddenTypes: new Set<RelationType>(["ATTENDED", "MENTIONED_IN"]) }],
    ["one article", { articles: new Set(["001_e970c5ff869cd3a7"]) }],
    ["meetings of 2021", { from: "2021-01-01", to: "2021-12-31" }],
    ["everything at once", { hiddenKinds: new Set<EntityKind>(["Article"]), hiddenTypes: new Set<RelationType>(["OFFICIAL_OF"]), from: "2020-01-01" }],
  ])("%s: the view is what the export selects", (_case, partial) => {
    const filters = { ...NO_FILTERS, ...partial };
    const visible = visibleElements(graph, filters);
    const exported = selectSubgraph(graph, toSelection(filters));
    expect([...visible.nodes].sort()).toEqual(exported.nodes().sort());
    expect([...visible.edges].sort()).toEqual(exported.edges().sort());
  });

  test("hiding a kind hides all of it, and the counts say so", () => {
    const visibility = visibleElements(graph, { ...NO_FILTERS, hiddenKinds: new Set<EntityKind>(["Document"]) });
    expect([...visibility.nodes].some((node) => node.startsWith("document:"))).toBe(false);
    const counts = filterCounts(wholeSource(graph), visibility);
    expect(counts.kinds.Document).toEqual({ visible: 0, total: 2 });
    expect(counts.kinds.Meeting).toEqual({ visible: 3, total: 3 });
    // The ADOPTED edges lost their documents.
    expect(counts.types.ADOPTED).toEqual({ visible: 0, total: 2 });
  });

  test("a date range keeps the meetings held in it and what hangs on them", () => {
    const visibility = visibleElements(graph, { ...NO_FILTERS, from: "2021-01-01", to: "2021-12-31" });
    expect(visibility.nodes.has("meeting:hoi-nghi-tham-van-chung-asean")).toBe(true);
    expect(visibility.nodes.has("country:brunei")).toBe(true);
    expect(visibility.nodes.has("meeting:hoi-nghi-hoi-dong-dieu-phoi-asean-25")).toBe(false);
    expect(visibility.nodes.has("official:pham-binh-minh")).toBe(false);
  });

  test("contradicting dates are a SelectionError", () => {
    expect(() => visibleElements(graph, { ...NO_FILTERS, from: "2022-01-01", to: "2021-01-01" })).toThrow(expect.objectContaining({ name: "SelectionError" }));
  });
});
