// What issue 12 asks of the viewer beyond the canvas, checked in a real Chromium on the
// sample graph: export refused in words when the filters keep nothing, the graph named in the
// accessibility tree, a phone-width layout with drawers, and errors in plain Vietnamese or
// English by the browser's language.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { sampleGraph } from "../helpers/sample-graph.ts";
import { screenshot } from "../helpers/viewer-browser.ts";
import { openViewer, startTestViewer } from "../helpers/viewer-server.ts";
import { useViewerSession } from "../helpers/viewer-session.ts";

const session = useViewerSession({ graphPath: () => sampleGraph().path, page: false });

function newPage(options: { width?: number; height?: number; locale?: string; phone?: boolean } = {}): Promise<Page> {
  return session.newPage({ ...options, acceptDownloads: true });
}

describe("export", () => {
  test("filters that keep no node turn export off and say why; one kind back turns it on", async () => {
    const page = await newPage();
    await openViewer(page, session.url);
    for (const box of await page.locator("[data-testid=kind-filters] input[type=checkbox]").all()) await box.uncheck();
    await expect.poll(() => page.getByTestId("app").getAttribute("data-visible-node-count")).toBe("0");
    expect(await page.getByTestId("export-gexf").isDisabled()).toBe(true);
    expect(await page.getByTestId("export-json").isDisabled()).toBe(true);
    expect(await page.getByTestId("export-error").textContent()).toContain("không giữ lại nút nào");
    await page.locator("input[name=kind-Country]").check();
    await expect.poll(() => page.getByTestId("export-gexf").isDisabled()).toBe(false);
    expect(await page.getByTestId("export-error").count()).toBe(0);
    const download = page.waitForEvent("download");
    await page.getByTestId("export-json").click();
    const file = await download;
    const path = join(tmpdir(), `viewer-access-${Date.now()}.json`);
    await file.saveAs(path);
    const exported = JSON.parse(readFileSync(path, "utf8")) as { nodes: Array<{ attributes: { kind: string } }> };
    expect(exported.nodes.length).toBeGreaterThan(0);
    expect(exported.nodes.every((node) => node.attributes.kind === "Country")).toBe(true);
    expect(session.pageErrors).toEqual([]);
  });
});

describe("accessibility", () => {
  test("the graph is a named region of the page, described by the counts", async () => {
    const page = await newPage();
    await openViewer(page, session.url);
    const region = page.getByRole("region", { name: /^Đồ thị \(bản vẽ\)/ });
    expect(await region.count()).toBe(1);
    expect(await region.locator("canvas").count()).toBeGreaterThan(0);
    const described = await region.evaluate((element) => document.getElementById(element.getAttribute("aria-describedby") ?? "")?.textContent ?? "");
    expect(described).toMatch(/^80\/80 nút · 34\/34 quan hệ/);
  });
});

describe("a phone's screen (390×844)", () => {
  test("the canvas takes the width; filters and panels are drawers; nothing scrolls sideways", async () => {
    const page = await newPage({ width: 390, height: 844, phone: true });
    await openViewer(page, session.url);
    const canvasWidth = await page.evaluate(() => window.__diplograph?.sigma?.getDimensions().width);
    expect(canvasWidth).toBe(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const sidebar = page.locator("#sidebar");
    expect(await sidebar.isVisible()).toBe(false);
    await page.getByRole("button", { name: /Tìm và lọc/ }).click();
    await expect.poll(() => sidebar.isVisible()).toBe(true);
    // The communities switch is reachable in the drawer.
    expect(await page.locator("input[name=communities]").isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => sidebar.isVisible()).toBe(false);
    await page.goto(`${session.url}?node=${encodeURIComponent("official:pham-binh-minh")}`);
    const panel = page.getByTestId("node-panel");
    await panel.waitFor();
    const box = await panel.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(390);
    expect(box?.x).toBeGreaterThanOrEqual(0);
    // The canvas keeps the screen's width under the panel (a drawer, not a column).
    expect(await page.evaluate(() => window.__diplograph?.sigma?.getDimensions().width)).toBe(390);
    await screenshot(page, "viewer-phone-panel");
    expect(session.pageErrors).toEqual([]);
  });
});

describe("errors by the browser's language", () => {
  test.each([
    ["vi-VN", "Chưa có đồ thị để hiển thị."],
    ["en-US", "There is no graph to show yet."],
  ])("no graph built yet, %s", async (locale, sentence) => {
    const empty = await startTestViewer(join(tmpdir(), "viewer-access-no-graph", "graph.json"));
    const page = await newPage({ locale });
    try {
      // Each step bounded, so that a stall says which step it was (once, in CI, this test ran into its 60 s limit).
      await page.goto(empty.url, { timeout: 20_000 });
      const error = page.getByTestId("load-error");
      await error.waitFor({ timeout: 20_000 });
      expect(await error.textContent()).toContain(sentence);
      // Plain words: not the server's developer message.
      expect(await error.textContent()).not.toMatch(/ENOENT|graph\.json|could not load/);
    } finally {
      // The page first: the server then has no connection of it to wait for.
      await page.close();
      await empty.close();
    }
  });
});
