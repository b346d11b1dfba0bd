// Communities on demand in a real Chromium, on the graph built from the sample articles:
// the switch colours what is shown by community (Louvain in a Web Worker), the legend names
// the largest with their central members, a click on an entry brings that community forward
// and frames it, the link carries it all and reopens the same colours.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { KIND_COLORS } from "../../src/graph/style.ts";
import { OTHER_COMMUNITY_COLOR } from "../../web/src/communities.ts";
import { sampleGraph } from "../helpers/sample-graph.ts";
import { screenshot } from "../helpers/viewer-browser.ts";
import { openViewer } from "../helpers/viewer-server.ts";
import { useViewerSession } from "../helpers/viewer-session.ts";

const DIMMED = "#e4e6e8";

const session = useViewerSession({ graphPath: () => sampleGraph().path });

/** The colour sigma draws each shown node with. */
function nodeColors(target: Page = session.page): Promise<Record<string, string>> {
  return target.evaluate(() => {
    const sigma = window.__diplograph?.sigma;
    const colors: Record<string, string> = {};
    sigma?.getGraph().forEachNode((node) => {
      const data = sigma.getNodeDisplayData(node);
      if (data && !data.hidden) colors[node] = data.color;
    });
    return colors;
  });
}

async function switchOn(): Promise<void> {
  await session.page.locator("input[name=communities]").check();
  await session.page.waitForSelector("[data-testid=communities][data-status=ready]");
}

const cameraIdle = (target: Page = session.page) => target.waitForFunction(() => window.__diplograph?.sigma?.getCamera().isAnimated() === false);

describe("communities", () => {
  test("the switch colours the graph by community, and off gives the kinds' colours back", async () => {
    await openViewer(session.page, session.url);
    const before = await nodeColors();
    const kindColors = new Set(Object.values(KIND_COLORS));
    expect(Object.values(before).every((color) => kindColors.has(color))).toBe(true);
    await switchOn();
    await expect.poll(async () => Object.values(await nodeColors()).filter((color) => kindColors.has(color)).length).toBe(0);
    const after = await nodeColors();
    // Several communities, each in its colour (the samples are five reports on different meetings).
    expect(new Set(Object.values(after)).size).toBeGreaterThanOrEqual(3);
    expect(new URL(session.page.url()).searchParams.get("communities")).toBe("1");
    await screenshot(session.page, "viewer-communities");
    await session.page.locator("input[name=communities]").uncheck();
    await expect.poll(nodeColors).toEqual(before);
    expect(new URL(session.page.url()).searchParams.has("communities")).toBe(false);
    expect(session.pageErrors).toEqual([]);
  });

  test("the legend names each community by its most central members, largest first", async () => {
    await openViewer(session.page, session.url);
    await switchOn();
    const entries = session.page.locator(".community-entry");
    expect(await entries.count()).toBeGreaterThanOrEqual(2);
    const sizes = (await session.page.locator(".community-entry .count").allTextContents()).map(Number);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    // The first entry's names are labels of nodes drawn in its colour.
    const swatch = await entries.first().locator(".swatch").evaluate((element) => getComputedStyle(element).backgroundColor);
    const names = (await entries.first().locator(".community-members").textContent())?.split(", ") ?? [];
    expect(names.length).toBeGreaterThanOrEqual(1);
    const members = await session.page.evaluate(
      ({ labels }) => {
        const sigma = window.__diplograph?.sigma;
        const graph = window.__diplograph?.graph;
        const found: Array<{ label: string; color: string | undefined }> = [];
        graph?.forEachNode((node, attributes) => {
          if (labels.includes(attributes.label)) found.push({ label: attributes.label, color: sigma?.getNodeDisplayData(node)?.color });
        });
        return found;
      },
      { labels: names },
    );
    expect(members.map((member) => member.label)).toEqual(expect.arrayContaining(names));
    const toRgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)).join(", ")})`;
    for (const member of members.filter((candidate) => names.includes(candidate.label))) expect(toRgb(member.color ?? "")).toBe(swatch);
  });

  test("a click on a legend entry brings that community forward and frames it; the link keeps it", async () => {
    await openViewer(session.page, session.url);
    await switchOn();
    const colors = await nodeColors();
    const second = session.page.getByTestId("community-2");
    const swatch = await second.locator(".swatch").evaluate((element) => getComputedStyle(element).backgroundColor);
    await second.click();
    await expect.poll(() => second.getAttribute("aria-pressed")).toBe("true");
    await cameraIdle();
    const members = Object.keys(colors).filter((node) => `rgb(${[1, 3, 5].map((at) => Number.parseInt((colors[node] ?? "").slice(at, at + 2), 16)).join(", ")})` === swatch);
    expect(members.length).toBeGreaterThanOrEqual(2);
    const now = await nodeColors();
    // The community keeps its colour, everything else is dimmed.
    for (const node of Object.keys(now)) expect(now[node] === DIMMED, node).toBe(!members.includes(node));
    // Every member is inside the canvas.
    const outside = await session.page.evaluate((keys) => {
      const sigma = window.__diplograph?.sigma;
      if (!sigma) return keys;
      const { width, height } = sigma.getDimensions();
      return keys.filter((key) => {
        const data = sigma.getNodeDisplayData(key);
        if (!data) return true;
        const { x, y } = sigma.framedGraphToViewport(data);
        return x < 0 || y < 0 || x > width || y > height;
      });
    }, members);
    expect(outside).toEqual([]);
    expect(new URL(session.page.url()).searchParams.get("community")).toBe("2");
    // A second click lets it go.
    await second.click();
    await expect.poll(nodeColors).toEqual(colors);
  });

  test("a shared link shows the same communities in the same colours", async () => {
    await openViewer(session.page, session.url);
    await switchOn();
    await session.page.getByTestId("community-1").click();
    await cameraIdle();
    const colors = await nodeColors();
    const link = session.page.url();
    const other = await session.browser.newPage({ viewport: { width: 1400, height: 860 }, locale: "vi-VN" });
    try {
      await openViewer(other, link);
      await other.waitForSelector("[data-testid=communities][data-status=ready]");
      await expect.poll(() => nodeColors(other)).toEqual(colors);
      expect(await other.getByTestId("community-1").getAttribute("aria-pressed")).toBe("true");
    } finally {
      await other.close();
    }
  });

  test("Back undoes the switch", async () => {
    await openViewer(session.page, session.url);
    const before = await nodeColors();
    await switchOn();
    await session.page.goBack();
    await expect.poll(() => session.page.locator("input[name=communities]").isChecked()).toBe(false);
    await expect.poll(nodeColors).toEqual(before);
    expect(await session.page.getByTestId("app").count()).toBe(1);
  });
});

/** Where sigma draws each shown node (its display data, in sigma's normalised graph space) and its colour. */
function drawnNodes(target: Page = session.page): Promise<Record<string, { x: number; y: number; color: string }>> {
  return target.evaluate(() => {
    const sigma = window.__diplograph?.sigma;
    const nodes: Record<string, { x: number; y: number; color: string }> = {};
    sigma?.getGraph().forEachNode((node) => {
      const data = sigma.getNodeDisplayData(node);
      if (data && !data.hidden) nodes[node] = { x: data.x, y: data.y, color: data.color };
    });
    return nodes;
  });
}

/** The positions stored in the loaded graph (what "off" must give back, to the last bit). */
const storedPositions = () =>
  session.page.evaluate(() => {
    const positions: Record<string, [number | undefined, number | undefined]> = {};
    window.__diplograph?.graph.forEachNode((node, attributes) => (positions[node] = [attributes.x, attributes.y]));
    return positions;
  });

/** Each community (a palette colour; grey is the rest) as a disc: its members' centroid and farthest member. */
function communityDiscs(nodes: Record<string, { x: number; y: number; color: string }>) {
  const byColor = new Map<string, Array<{ x: number; y: number }>>();
  for (const { x, y, color } of Object.values(nodes)) if (color !== OTHER_COMMUNITY_COLOR) byColor.set(color, [...(byColor.get(color) ?? []), { x, y }]);
  return [...byColor.values()].map((members) => {
    const centre = { x: members.reduce((sum, p) => sum + p.x, 0) / members.length, y: members.reduce((sum, p) => sum + p.y, 0) / members.length };
    return { centre, radius: Math.max(...members.map((p) => Math.hypot(p.x - centre.x, p.y - centre.y))), size: members.length };
  });
}

describe("clustered view", () => {
  const clustered = () => session.page.locator("input[name=clustered]");
  const layout = () => session.page.getByTestId("communities").getAttribute("data-layout");

  test("grouping puts each community in a disc of its own, and off puts every node back exactly", async () => {
    await openViewer(session.page, session.url);
    const before = await drawnNodes();
    const stored = await storedPositions();
    await switchOn();
    const colouredOnly = communityDiscs(await drawnNodes());
    await clustered().check();
    await expect.poll(layout).toBe("on");
    const after = await drawnNodes();
    const discs = communityDiscs(after);
    expect(discs.length).toBeGreaterThanOrEqual(3);
    expect(discs.length).toBe(colouredOnly.length);
    // No two communities' discs touch: each reads as a group of its own.
    for (const [a, first] of discs.entries())
      for (const second of discs.slice(a + 1)) expect(Math.hypot(first.centre.x - second.centre.x, first.centre.y - second.centre.y)).toBeGreaterThan(first.radius + second.radius);
    // Every shown node is still shown; most have moved.
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const moved = Object.keys(after).filter((node) => after[node]?.x !== before[node]?.x || after[node]?.y !== before[node]?.y);
    expect(moved.length).toBeGreaterThan(Object.keys(after).length / 2);
    const url = new URL(session.page.url());
    expect([url.searchParams.get("communities"), url.searchParams.get("clustered")]).toEqual(["1", "1"]);
    await screenshot(session.page, "viewer-clustered");

    await clustered().uncheck();
    await expect.poll(layout).toBe("off");
    const back = await drawnNodes();
    // Positions to the last bit, and the community colours still on (only the grouping went).
    expect(Object.fromEntries(Object.entries(back).map(([node, { x, y }]) => [node, [x, y]]))).toEqual(Object.fromEntries(Object.entries(before).map(([node, { x, y }]) => [node, [x, y]])));
    expect(await storedPositions()).toEqual(stored);
    expect(new URL(session.page.url()).searchParams.has("clustered")).toBe(false);
    expect(await session.page.locator("input[name=communities]").isChecked()).toBe(true);
    expect(session.pageErrors).toEqual([]);
  });

  test("a shared link opens grouped; Back undoes the grouping", async () => {
    await openViewer(session.page, session.url);
    const before = await drawnNodes();
    await clustered().check();
    // Grouping asks for the communities too.
    await expect.poll(layout).toBe("on");
    expect(await session.page.locator("input[name=communities]").isChecked()).toBe(true);
    const grouped = await drawnNodes();
    const other = await session.newPage();
    await openViewer(other, session.page.url());
    await expect.poll(() => other.getByTestId("communities").getAttribute("data-layout")).toBe("on");
    expect(await drawnNodes(other)).toEqual(grouped);

    await session.page.goBack();
    await expect.poll(layout).toBe("off");
    expect(await clustered().isChecked()).toBe(false);
    const back = await drawnNodes();
    expect(Object.fromEntries(Object.entries(back).map(([node, { x, y }]) => [node, [x, y]]))).toEqual(Object.fromEntries(Object.entries(before).map(([node, { x, y }]) => [node, [x, y]])));
    expect(await session.page.getByTestId("app").count()).toBe(1);
    expect(session.pageErrors).toEqual([]);
  });
});
