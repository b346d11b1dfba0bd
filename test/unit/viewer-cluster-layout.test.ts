// The clustered view's layout (web/src/cluster-layout.ts): every community a disc of its own,
// no two discs overlapping, the most linked members at the centre, the same answer every
// time, and fitted into the place the stored picture had.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { clusterLayout, fitInto, packInRings } from "../../web/src/cluster-layout.ts";
import type { ClusterLayoutInput } from "../../web/src/cluster-layout.ts";
import { findCommunities, communityInput } from "../../web/src/communities.ts";
import { NO_FILTERS, visibleElements } from "../../web/src/filters.ts";
import { viewerFixtureGraph } from "../helpers/viewer-fixture.ts";

/** Groups of the given sizes, each a star around its first member, plus `alone` nodes with no link. */
function stars(sizes: number[], alone = 0): ClusterLayoutInput {
  const members: Uint32Array[] = [];
  const sources: number[] = [];
  const targets: number[] = [];
  let next = 0;
  for (const size of sizes) {
    const group = Array.from({ length: size }, (_, i) => next + i);
    for (const leaf of group.slice(1)) {
      sources.push(leaf);
      targets.push(next);
    }
    members.push(Uint32Array.from(group));
    next += size;
  }
  return { count: next + alone, sources: Uint32Array.from(sources), targets: Uint32Array.from(targets), members };
}

const point = (positions: Float64Array, node: number) => ({ x: positions[node * 2] ?? NaN, y: positions[node * 2 + 1] ?? NaN });

/** Centre and radius of the smallest box-centred disc holding a group's members. */
function disc(positions: Float64Array, members: readonly number[]) {
  const xs = members.map((node) => point(positions, node).x);
  const ys = members.map((node) => point(positions, node).y);
  const centre = { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
  const radius = Math.max(...members.map((node) => Math.hypot(point(positions, node).x - centre.x, point(positions, node).y - centre.y)));
  return { centre, radius };
}

describe("cluster layout", () => {
  test("each community's members lie in a disc that no other community's disc touches", () => {
    const input = stars([40, 25, 12, 6, 3, 2, 2], 5);
    const positions = clusterLayout(input);
    const groups = [...input.members.map((members) => Array.from(members)), Array.from({ length: 5 }, (_, i) => 90 + i)];
    const discs = groups.map((members) => disc(positions, members));
    for (let a = 0; a < discs.length; a += 1)
      for (let b = a + 1; b < discs.length; b += 1) {
        const [first, second] = [discs[a], discs[b]];
        if (!first || !second) continue;
        expect(Math.hypot(first.centre.x - second.centre.x, first.centre.y - second.centre.y)).toBeGreaterThan(first.radius + second.radius);
      }
    expect(positions.every(Number.isFinite)).toBe(true);
  });

  test("packed discs never overlap, whatever their sizes (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.5, max: 60, noNaN: true }), { minLength: 1, maxLength: 300 }), (sizes) => {
        const radii = [...sizes].sort((a, b) => b - a);
        const centres = packInRings(radii);
        for (let a = 0; a < radii.length; a += 1)
          for (let b = a + 1; b < radii.length; b += 1) {
            const distance = Math.hypot((centres[a * 2] ?? 0) - (centres[b * 2] ?? 0), (centres[a * 2 + 1] ?? 0) - (centres[b * 2 + 1] ?? 0));
            if (distance < (radii[a] ?? 0) + (radii[b] ?? 0)) return false;
          }
        return true;
      }),
    );
  });

  test("a community's most linked member is at its centre", () => {
    const input = stars([30]);
    const positions = clusterLayout(input);
    const hub = point(positions, 0);
    const centre = disc(positions, Array.from({ length: 30 }, (_, i) => i)).centre;
    for (let leaf = 1; leaf < 30; leaf += 1) expect(Math.hypot(hub.x - centre.x, hub.y - centre.y)).toBeLessThan(Math.hypot(point(positions, leaf).x - centre.x, point(positions, leaf).y - centre.y));
  });

  test("the same communities give the same positions", () => {
    expect(clusterLayout(stars([9, 4, 4, 2], 3))).toEqual(clusterLayout(stars([9, 4, 4, 2], 3)));
  });

  test("the layout is made with the communities, for every shown node", () => {
    const graph = viewerFixtureGraph();
    const input = communityInput(graph, visibleElements(graph, NO_FILTERS));
    const ranked = findCommunities(input);
    expect(ranked.layout).toHaveLength(input.nodes.length * 2);
    expect(ranked.layout.every(Number.isFinite)).toBe(true);
  });
});

describe("fitting into the stored picture's place", () => {
  test("scaled the same both ways to fill the box, centred in it", () => {
    const fitted = fitInto(Float64Array.from([0, 0, 2, 0, 2, 1, 0, 1]), { minX: 10, maxX: 30, minY: -5, maxY: 25 });
    // A 2 × 1 layout in a 20 × 30 box: scale 10, so 20 × 10, centred at (20, 10).
    expect(Array.from(fitted)).toEqual([10, 5, 30, 5, 30, 15, 10, 15]);
  });

  test("one node, or nodes all in one place, land at the box's centre", () => {
    expect(Array.from(fitInto(Float64Array.from([3, 4]), { minX: 0, maxX: 10, minY: 0, maxY: 2 }))).toEqual([5, 1]);
    expect(Array.from(fitInto(new Float64Array(0), { minX: 0, maxX: 1, minY: 0, maxY: 1 }))).toEqual([]);
  });
});
