// The viewer's pure helpers for reading a large graph: node sizes, label boxes, the ego view,
// evidence without repeats, the timeline's months, and the contrast of the kind badges.
import { describe, expect, test } from "vitest";
import { ENTITY_KINDS } from "../../src/graph/types.ts";
import { egoVisibility } from "../../web/src/ego.ts";
import { distinctEvidence } from "../../web/src/evidence.ts";
import { NO_FILTERS, visibleElements } from "../../web/src/filters.ts";
import { BADGE_TEXT_COLOR, badgeBackground } from "../../web/src/kinds.ts";
import { labelBox, overlaps } from "../../web/src/label-placer.ts";
import { displaySize, sizeScale } from "../../web/src/node-size.ts";
import { meetingTimeline, monthSpan } from "../../web/src/timeline.ts";
import { viewerFixtureGraph } from "../helpers/viewer-fixture.ts";

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((at) => {
      const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe("node sizes", () => {
  test("grow with the degree, never past the cap, and shrink as the graph grows", () => {
    const samples = sizeScale(80, 40);
    const large = sizeScale(12_000, 8_000);
    expect(displaySize(0, samples)).toBeLessThan(displaySize(5, samples));
    expect(displaySize(8_000, large)).toBeLessThanOrEqual(large.max);
    expect(displaySize(1e9, samples)).toBeLessThanOrEqual(samples.max);
    expect(large.max).toBeLessThan(samples.max);
    // Sub-linear: ten times the degree is far less than ten times the size.
    expect(displaySize(100, large) / displaySize(10, large)).toBeLessThan(2);
  });
});

describe("label boxes", () => {
  test("two labels side by side on one line overlap; one a line lower does not", () => {
    const a = labelBox(100, 100, 5, 13, 120);
    expect(overlaps(a, labelBox(150, 104, 5, 13, 80))).toBe(true);
    expect(overlaps(a, labelBox(150, 125, 5, 13, 80))).toBe(false);
    expect(overlaps(a, labelBox(260, 100, 5, 13, 80))).toBe(false);
  });
});

describe("ego view", () => {
  const graph = viewerFixtureGraph();
  const all = visibleElements(graph, NO_FILTERS);
  const root = graph.nodes().find((node) => graph.degree(node) > 0) ?? "";

  test("depth 1 is the node and its neighbours, with the edges among them", () => {
    const ego = egoVisibility(graph, { roots: [root], depth: 1 }, all);
    expect([...ego.nodes].sort()).toEqual([root, ...graph.neighbors(root)].filter((v, i, list) => list.indexOf(v) === i).sort());
    for (const edge of ego.edges) expect(ego.nodes.has(graph.source(edge)) && ego.nodes.has(graph.target(edge))).toBe(true);
  });

  test("depth 2 holds depth 1, and a filter's hidden nodes stay hidden", () => {
    const one = egoVisibility(graph, { roots: [root], depth: 1 }, all);
    const two = egoVisibility(graph, { roots: [root], depth: 2 }, all);
    for (const node of one.nodes) expect(two.nodes.has(node)).toBe(true);
    const noDocuments = visibleElements(graph, { ...NO_FILTERS, hiddenKinds: new Set(["Document"]) });
    const filtered = egoVisibility(graph, { roots: [root], depth: 2 }, noDocuments);
    expect([...filtered.nodes].some((node) => node !== root && node.startsWith("document:"))).toBe(false);
  });
});

describe("evidence", () => {
  test("each sentence of an article once, first occurrence kept", () => {
    const one = { article: "a", sentence: 1, quote: "Câu một.", start: 0, end: 8 };
    const again = { ...one, sentence: 1 };
    const other = { article: "b", sentence: 1, quote: "Câu một.", start: 0, end: 8 };
    expect(distinctEvidence([one, again, other])).toEqual([one, other]);
  });
});

describe("timeline", () => {
  test("months from the first dated meeting to the last; undated meetings counted apart", () => {
    const timeline = meetingTimeline(viewerFixtureGraph());
    const counted = timeline.bins.reduce((sum, bin) => sum + bin.count, 0);
    expect(counted).toBe(timeline.dated);
    expect(timeline.bins.every((bin, index, bins) => index === 0 || bin.month > (bins[index - 1]?.month ?? ""))).toBe(true);
    expect(monthSpan("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(monthSpan("2021-12")).toEqual({ from: "2021-12-01", to: "2021-12-31" });
  });
});

describe("kind badges", () => {
  test.each(ENTITY_KINDS)("%s: text contrast meets WCAG AA (4.5:1)", (kind) => {
    expect(contrast(badgeBackground(kind), BADGE_TEXT_COLOR)).toBeGreaterThanOrEqual(4.5);
  });
});
