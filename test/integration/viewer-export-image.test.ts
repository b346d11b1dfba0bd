// The PNG export in a real Chromium, on the sample graph: the image is the picture on screen,
// checked pixel by pixel against the page's own 2D layers as they were at the click — the labels of the first view, then
// the dashed Cypher path (a layer the viewer draws itself, dashed-layer.ts) after an answer
// through MENTIONED_IN, a relationship only Neo4j holds (answered here by a stub console).
import { describe, expect, test } from "vitest";
import { sampleGraph } from "../helpers/sample-graph.ts";
import { stubCypherConsole } from "../helpers/stub-cypher.ts";
import { screenshot } from "../helpers/viewer-browser.ts";
import { exportAndCompare } from "../helpers/png-export.ts";
import { openViewer } from "../helpers/viewer-server.ts";
import { useViewerSession } from "../helpers/viewer-session.ts";

const JCM = "meeting:hoi-nghi-tham-van-chung-asean";
const ARTICLE = "article:002_fcf32e649116f6ed";
// `MATCH p = (m:Meeting {key: …})-[:MENTIONED_IN]->(a:Article) RETURN p` as Neo4j answers it.
const cypher = stubCypherConsole({
  columns: ["p"],
  rows: [{ p: { $type: "path" } }],
  subgraph: { nodes: [JCM, ARTICLE], relationships: [{ source: JCM, target: ARTICLE, type: "MENTIONED_IN" }] },
  truncated: false,
  cut: null,
});

const session = useViewerSession({ graphPath: () => sampleGraph().path, cypher, page: { acceptDownloads: true } });

const drawnLabelCount = () => session.page.evaluate(() => window.__diplograph?.sigma?.getNodeDisplayedLabels().size ?? 0);
const cameraIdle = () => session.page.waitForFunction(() => window.__diplograph?.sigma?.getCamera().isAnimated() === false);

describe("PNG export", () => {
  test("the image holds every label drawn on screen, then the dashed Cypher path", async () => {
    const { page } = session;
    await openViewer(page, session.url);
    // The console switches on when the server says Neo4j answers, and the canvas shrinks to
    // make room: the pictures are compared once the page has settled.
    const console = page.getByTestId("cypher-console");
    await expect.poll(() => console.getAttribute("data-enabled")).toBe("true");
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await cameraIdle();
    // The first view: labels of the grid, not only forced ones (which the old export kept alone).
    const labelsShown = await drawnLabelCount();
    expect(labelsShown).toBeGreaterThan(5);
    const plain = await exportAndCompare(page, ["labels"]);
    expect(plain.layers.labels?.inked).toBeGreaterThan(40 * labelsShown);
    expect(plain.layers.labels?.matched).toBeGreaterThanOrEqual(Math.floor((plain.layers.labels?.inked ?? 0) * 0.98));

    await page.locator(".cypher-editor .cm-content").click();
    await page.keyboard.insertText(`MATCH p = (m:Meeting {key: '${JCM}'})-[:MENTIONED_IN]->(a:Article) RETURN p`);
    await page.getByTestId("cypher-run").click();
    await expect.poll(() => page.locator("canvas.sigma-resultPaths").getAttribute("data-edge-count")).toBe("1");
    await cameraIdle();
    const withPath = await exportAndCompare(page, ["resultPaths", "labels"]);
    await screenshot(page, "viewer-export-png-page");
    const dashed = withPath.layers.resultPaths;
    const labels = withPath.layers.labels;
    // The dashed line and its type's name, in the image where they are on screen.
    expect(dashed?.inked).toBeGreaterThan(50);
    expect(dashed?.matched).toBeGreaterThanOrEqual(Math.floor((dashed?.inked ?? 0) * 0.98));
    // The result's two labels.
    expect(labels?.inked).toBeGreaterThan(80);
    expect(labels?.matched).toBeGreaterThanOrEqual(Math.floor((labels?.inked ?? 0) * 0.98));
    expect(session.pageErrors).toEqual([]);
  });
});
