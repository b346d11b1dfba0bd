// The viewer's HTTP server without a browser: routes, errors by name, security headers,
// the port setting and the input fingerprints that decide rebuilds. Requests go through
// Fastify's inject; a Neo4j that does not answer is a real closed port, not a mock.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import { closeDrivers } from "../../src/neo4j/index.ts";
import { createViewerServer } from "../../src/server/app.ts";
import { neo4jCypherConsole } from "../../src/server/cypher-console.ts";
import { hashInputs, readRecordedHash, recordHash } from "../../src/server/inputs-hash.ts";
import { DEFAULT_PORT, isLoopback, resolvePort, startViewer } from "../../src/server/start-viewer.ts";
import type { HealthReport } from "../../src/server/types.ts";
import { writeViewerFixture } from "../helpers/viewer-fixture.ts";

function webRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), "diplograph-web-"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Diplograph</title>");
  return dir;
}

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(async () => {
  await closeDrivers();
});

describe("viewer server routes", () => {
  test("GET /api/graph serves graph.json as it is on disk", async () => {
    const fixture = writeViewerFixture();
    app = await createViewerServer({ graphPath: fixture.path, webRoot: webRoot() });
    const response = await app.inject({ method: "GET", url: "/api/graph" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.json()).toEqual(fixture.graph);
  });

  test("a missing graph is a 404 GraphNotFoundError and an unhealthy report", async () => {
    app = await createViewerServer({ graphPath: join(tmpdir(), "no-such-dir", "graph.json"), webRoot: webRoot() });
    const graph = await app.inject({ method: "GET", url: "/api/graph" });
    expect(graph.statusCode).toBe(404);
    expect(graph.json()).toMatchObject({ error: "GraphNotFoundError" });
    const health = (await app.inject({ method: "GET", url: "/api/health" })).json<HealthReport>();
    expect(health.ok).toBe(false);
    expect(health.graph.present).toBe(false);
  });

  test("without a Cypher console, health says so and /api/cypher answers 503 by name", async () => {
    app = await createViewerServer({ graphPath: writeViewerFixture().path, webRoot: webRoot() });
    const health = (await app.inject({ method: "GET", url: "/api/health" })).json<HealthReport>();
    expect(health).toMatchObject({ ok: true, neo4j: { configured: false, reachable: false } });
    const cypher = await app.inject({ method: "POST", url: "/api/cypher", payload: { query: "RETURN 1" } });
    expect(cypher.statusCode).toBe(503);
    expect(cypher.json()).toMatchObject({ error: "CypherConsoleUnavailableError" });
  });

  test.each([
    ["no query", {}],
    ["an empty query", { query: "" }],
    ["a query that is not text", { query: 42 }],
    ["unknown fields", { query: "RETURN 1", database: "system" }],
  ])("POST /api/cypher with %s is a 400 BadRequestError", async (_case, payload) => {
    app = await createViewerServer({ graphPath: writeViewerFixture().path, webRoot: webRoot() });
    const response = await app.inject({ method: "POST", url: "/api/cypher", payload });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: "BadRequestError" });
  });

  test("a Neo4j that does not answer turns the console off, with the reason", async () => {
    const cypher = neo4jCypherConsole({ uri: "bolt://127.0.0.1:1", user: "neo4j", password: "x", database: "neo4j" });
    app = await createViewerServer({ graphPath: writeViewerFixture().path, webRoot: webRoot(), cypher });
    const health = (await app.inject({ method: "GET", url: "/api/health" })).json<HealthReport>();
    expect(health.neo4j).toMatchObject({ configured: true, reachable: false, uri: "bolt://127.0.0.1:1" });
    expect(health.neo4j.error).toBeTruthy();
  });

  test.each([
    ["127.0.0.1:8080", 200],
    ["localhost:8080", 200],
    ["[::1]:8080", 200],
    ["evil.example:8080", 403],
    ["127.0.0.1.evil.example", 403],
  ])("Host %s → %i (no DNS rebinding onto the API)", async (host, status) => {
    app = await createViewerServer({ graphPath: writeViewerFixture().path, webRoot: webRoot() });
    const response = await app.inject({ method: "GET", url: "/api/health", headers: { host } });
    expect(response.statusCode).toBe(status);
    if (status === 403) expect(response.json()).toMatchObject({ error: "ForbiddenHostError" });
  });

  test("every response forbids inline and foreign scripts", async () => {
    app = await createViewerServer({ graphPath: writeViewerFixture().path, webRoot: webRoot() });
    for (const url of ["/", "/api/graph", "/api/health"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
    }
  });
});

describe("port setting", () => {
  test.each([
    [undefined, {}, DEFAULT_PORT],
    ["9000", {}, 9000],
    [undefined, { PORT: "7000" }, 7000],
    ["9000", { PORT: "7000" }, 9000],
    ["0", {}, 0],
  ])("--port %s with env %j → %i", (option, env, expected) => {
    expect(resolvePort(option, env)).toBe(expected);
  });

  test.each(["abc", "-1", "70000", "80.5"])("--port %s is a RangeError", (option) => {
    expect(() => resolvePort(option, {})).toThrow(expect.objectContaining({ name: "RangeError" }));
  });
});

describe("input fingerprints", () => {
  test("change with a file's bytes or name, not otherwise; recorded atomically", () => {
    const root = mkdtempSync(join(tmpdir(), "diplograph-hash-"));
    writeFileSync(join(root, "a.txt"), "Hội nghị");
    const first = hashInputs(root, ["."]);
    expect(hashInputs(root, ["."])).toBe(first);
    writeFileSync(join(root, "a.txt"), "Hội nghi");
    const edited = hashInputs(root, ["."]);
    expect(edited).not.toBe(first);
    writeFileSync(join(root, "b.txt"), "");
    expect(hashInputs(root, ["."])).not.toBe(edited);
    expect(hashInputs(root, ["."], ["b.txt"])).toBe(edited);
    const stamp = join(root, "out", ".inputs.sha256");
    expect(readRecordedHash(stamp)).toBeNull();
    recordHash(stamp, edited);
    expect(readRecordedHash(stamp)).toBe(edited);
  });
});

describe("the API token (serve --host beyond loopback)", () => {
  let tokenApp: FastifyInstance | undefined;
  afterEach(async () => {
    await tokenApp?.close();
    tokenApp = undefined;
  });

  test("every /api/ call without the bearer token gets 401; with it, the answer", async () => {
    const fixture = writeViewerFixture();
    tokenApp = await createViewerServer({ graphPath: fixture.path, webRoot: webRoot(), token: "s3cret-token" });
    for (const [method, url] of [["GET", "/api/graph"], ["GET", "/api/health"], ["POST", "/api/cypher"]] as const) {
      const none = await tokenApp.inject({ method, url, payload: method === "POST" ? { query: "RETURN 1" } : undefined });
      expect(none.statusCode).toBe(401);
      expect(none.json()).toMatchObject({ error: "UnauthorizedError" });
      const wrong = await tokenApp.inject({ method, url, headers: { authorization: "Bearer s3cret-tokeX" } });
      expect(wrong.statusCode).toBe(401);
    }
    const right = await tokenApp.inject({ method: "GET", url: "/api/graph", headers: { authorization: "Bearer s3cret-token" } });
    expect(right.statusCode).toBe(200);
  });

  test("a viewer without a token answers loopback calls as before", async () => {
    const fixture = writeViewerFixture();
    tokenApp = await createViewerServer({ graphPath: fixture.path, webRoot: webRoot() });
    expect((await tokenApp.inject({ method: "GET", url: "/api/graph" })).statusCode).toBe(200);
  });

  test("serving beyond loopback without a token is refused in one line, before anything listens", async () => {
    expect(isLoopback("127.0.0.1") && isLoopback("localhost") && isLoopback("::1") && isLoopback("127.1.2.3")).toBe(true);
    expect(isLoopback("0.0.0.0") || isLoopback("192.168.1.5") || isLoopback("::")).toBe(false);
    await expect(startViewer({ graphPath: "graph.json", host: "0.0.0.0", port: 0, log: () => {} })).rejects.toMatchObject({
      name: "TokenRequiredError",
      message: expect.stringMatching(/^serve: --host 0\.0\.0\.0 .*give --token or set DIPLOGRAPH_TOKEN$/),
    });
  });
});
