// The browser tests' shared set-up, registered as vitest hooks by one call at the top of a
// test file: the viewer's server on a graph and one headless Chromium for the file, a fresh
// page for each test (closed after it, with any other page the test opened through the
// session), and the errors thrown in those pages, which tests assert to be none.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import type { CypherConsole } from "../../src/server/types.ts";
import { launchChromium } from "./viewer-browser.ts";
import { startTestViewer } from "./viewer-server.ts";
import type { TestViewer } from "./viewer-server.ts";

export interface PageOptions {
  width?: number;
  height?: number;
  /** The browser's language: the interface speaks Vietnamese unless it asks for English. */
  locale?: string;
  acceptDownloads?: boolean;
  /** A phone: touch, and the mobile viewport meta tag honoured. */
  phone?: boolean;
}

export interface ViewerSessionOptions {
  /** The graph.json to serve, made once before the file's tests (a synthetic build may take minutes). */
  graphPath(): string | Promise<string>;
  cypher?: CypherConsole;
  /** The page opened before each test, or false when each test opens its own (`newPage`). */
  page?: PageOptions | false;
  /** Time allowed to make the graph and start the server and the browser (ms). */
  setupTimeout?: number;
}

export interface ViewerSession {
  /** The viewer's address. */
  readonly url: string;
  readonly browser: Browser;
  /** The running test's page. */
  readonly page: Page;
  /** Errors thrown in the running test's pages, emptied before each test. */
  readonly pageErrors: string[];
  /** Another page for the running test, its errors collected, closed after the test. */
  newPage(options?: PageOptions): Promise<Page>;
}

const DEFAULT_PAGE: Required<Omit<PageOptions, "acceptDownloads" | "phone">> = { width: 1400, height: 860, locale: "vi-VN" };

export function useViewerSession(options: ViewerSessionOptions): ViewerSession {
  let browser: Browser | undefined;
  let viewer: TestViewer | undefined;
  let current: Page | undefined;
  const open: Page[] = [];
  const pageErrors: string[] = [];

  const newPage = async (pageOptions: PageOptions = {}): Promise<Page> => {
    if (!browser) throw new Error("viewer session: the browser is not started (call newPage inside a test)");
    const page = await browser.newPage({
      viewport: { width: pageOptions.width ?? DEFAULT_PAGE.width, height: pageOptions.height ?? DEFAULT_PAGE.height },
      locale: pageOptions.locale ?? DEFAULT_PAGE.locale,
      ...(pageOptions.acceptDownloads ? { acceptDownloads: true } : {}),
      ...(pageOptions.phone ? { isMobile: true, hasTouch: true } : {}),
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    open.push(page);
    return page;
  };

  beforeAll(async () => {
    viewer = await startTestViewer(await options.graphPath(), options.cypher);
    browser = await launchChromium();
  }, options.setupTimeout);

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
  });

  beforeEach(async () => {
    pageErrors.length = 0;
    current = options.page === false ? undefined : await newPage(options.page);
  });

  afterEach(async () => {
    for (const page of open.splice(0)) await page.close();
    current = undefined;
  });

  return {
    get url() {
      if (!viewer) throw new Error("viewer session: the server is not started");
      return viewer.url;
    },
    get browser() {
      if (!browser) throw new Error("viewer session: the browser is not started");
      return browser;
    },
    get page() {
      if (!current) throw new Error("viewer session: no page (the session was made with page: false, or this runs outside a test)");
      return current;
    },
    pageErrors,
    newPage,
  };
}
