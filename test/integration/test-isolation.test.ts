// `npm test` never touches the user's own Neo4j: with a "user's" server running and holding
// data, and the environment pointing at it (NEO4J_URI, NEO4J_BOLT_PORT, DIPLOGRAPH_NEO4J_HOME as
// a user would set them), an integration test file that wipes and loads its database runs
// through the suite's own global setup in a child vitest, passes, and the user's data is unchanged.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localServerConfig, startServer, stopServer } from "../../scripts/neo4j/server.ts";
import type { LocalServerConfig } from "../../scripts/neo4j/server.ts";
import { closeDrivers, connectionSettings, withSession } from "../../src/neo4j/index.ts";
import type { ConnectionSettings } from "../../src/neo4j/index.ts";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";
import { freePort } from "./free-port.ts";
import { databaseContents } from "./neo4j-fixture.ts";

let users: LocalServerConfig;
let usersSettings: ConnectionSettings;

beforeAll(async () => {
  // The user's server: its own home and port, as `npm run neo4j:start` would run it for them.
  const home = mkdtempSync(join(tmpdir(), "users-neo4j-"));
  users = { ...localServerConfig({ DIPLOGRAPH_NEO4J_HOME: home, NEO4J_HTTP_PORT: "0" }), boltPort: await freePort() };
  await startServer(users, { log: () => {} });
  usersSettings = connectionSettings({ uri: `bolt://127.0.0.1:${users.boltPort}`, password: users.password });
  await withSession(usersSettings, "WRITE", (session) =>
    session.run("UNWIND range(1, 5) AS i CREATE (:Country {key: 'country:users-' + i, label: 'the user\\'s data ' + i})"),
  );
}, 240_000);

afterAll(async () => {
  await closeDrivers();
  if (users) await stopServer(users);
});

function runVitest(files: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(PROJECT_ROOT, "node_modules/vitest/vitest.mjs"), "run", "--project", "integration", ...files],
      { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: stdout + stderr }),
    );
  });
}

describe("the integration tests and the user's Neo4j", () => {
  it("run against a server of their own and leave the user's data as it was", async () => {
    const before = await databaseContents(usersSettings);
    expect(before.nodes).toHaveLength(5);
    const run = await runVitest(["test/integration/neo4j-load.test.ts"], {
      NO_COLOR: "1",
      NEO4J_URI: `bolt://127.0.0.1:${users.boltPort}`,
      NEO4J_BOLT_PORT: String(users.boltPort),
      NEO4J_PASSWORD: users.password,
      DIPLOGRAPH_NEO4J_HOME: users.home,
    });
    expect(run.output).toMatch(/Tests\s+\d+ passed/);
    expect(run.code).toBe(0);
    expect(await databaseContents(usersSettings)).toEqual(before);
  }, 400_000);
});
