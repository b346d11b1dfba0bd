// The read-only guard against the real server, by both doors: runReadQuery (what
// `diplograph query` runs) and the viewer's POST /api/cypher. Every attack must be refused
// with no file read, no address fetched, no configuration or connection shown, no client
// killed and nothing written; harmless queries that look like attacks must run.
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Session, Transaction } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDrivers, connectionSettings, driverFor, loadGraph, runReadQuery, withSession } from "../../src/neo4j/index.ts";
import { neo4jCypherConsole } from "../../src/server/cypher-console.ts";
import { startTestViewer } from "../helpers/viewer-server.ts";
import type { TestViewer } from "../helpers/viewer-server.ts";
import { databaseContents, fixtureGraph, writeGraphFile } from "./neo4j-fixture.ts";

const settings = connectionSettings();

/** Every character Unicode calls white space, and Cypher's comments: what could sit between LOAD and CSV. */
const SEPARATORS: Array<[string, string]> = [
  ...[0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000].map(
    (code): [string, string] => [`U+${code.toString(16).toUpperCase().padStart(4, "0")}`, String.fromCodePoint(code)],
  ),
  ["/* comment */", "/* CSV */"],
  ["// comment and newline", "// x\n"],
];

const fetched: string[] = [];
let web: Server;
let webUrl: string;
let viewer: TestViewer;
/** Another client: its connection and open transaction must survive every attack. */
let victim: { session: Session; tx: Transaction };
let victimIds: { connections: string[]; transactions: string[] };

beforeAll(async () => {
  const graph = fixtureGraph();
  await loadGraph(settings, graph, writeGraphFile(graph), { wipe: true });
  web = createServer((request, response) => {
    fetched.push(request.url ?? "");
    response.end("a,b\n1,2\n");
  });
  await new Promise<void>((done) => web.listen(0, "127.0.0.1", done));
  webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/data.csv`;
  viewer = await startTestViewer(writeGraphFile(graph), neo4jCypherConsole(settings));
  const session = driverFor(settings).session({ database: settings.database });
  const tx = await session.beginTransaction();
  await tx.run("RETURN 'victim' AS who");
  victim = { session, tx };
  // The ids an attacker would need, read with administrator rights outside the guard.
  victimIds = await withSession(settings, "READ", async (s) => ({
    connections: (await s.run("CALL dbms.listConnections() YIELD connectionId RETURN connectionId")).records.map((r) => String(r.get(0))),
    transactions: (await s.run("SHOW TRANSACTIONS YIELD transactionId RETURN transactionId")).records.map((r) => String(r.get(0))),
  }));
});

afterAll(async () => {
  await victim?.tx.rollback().catch(() => {});
  await victim?.session.close();
  await viewer?.close();
  await new Promise((done) => web?.close(done));
  await closeDrivers();
});

function attacks(): Array<[string, string, Record<string, unknown>?]> {
  const loadCsv = SEPARATORS.flatMap(([name, gap]): Array<[string, string]> => [
    [`LOAD ${name} CSV file:///etc/passwd`, `LOAD${gap}CSV FROM 'file:///etc/passwd' AS line RETURN line`],
    [`LOAD ${name} CSV http://`, `LOAD${gap}CSV FROM '${webUrl}' AS line RETURN line`],
  ]);
  return [
    ...loadCsv,
    ["LOAD CSV WITH HEADERS", `LOAD CSV WITH HEADERS FROM '${webUrl}' AS row RETURN row`],
    ["LOAD CSV in a subquery", `CALL { LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line } RETURN line`],
    ["back-quoted dbms.listConfig", "CALL `dbms`.`listConfig`()"],
    ["back-quoted dbms.listConfig with YIELD", "CALL `dbms`.`listConfig`() YIELD name, value RETURN name, value"],
    ["dbms.listConfig", "CALL dbms.listConfig('server')"],
    ["back-quoted dbms.listConnections", "CALL `dbms`.`listConnections`()"],
    ["back-quoted dbms.killConnection", "CALL `dbms`.`killConnection`($id)", { id: victimIds.connections[0] ?? "bolt-0" }],
    ["back-quoted dbms.killConnections", "CALL `dbms`.`killConnections`($ids)", { ids: victimIds.connections }],
    ["back-quoted dbms.killTransaction", "CALL `dbms`.`killTransaction`($id)", { id: victimIds.transactions[0] ?? "neo4j-transaction-0" }],
    ["back-quoted dbms.showCurrentUser", "CALL `dbms`.`showCurrentUser`()"],
    ["back-quoted db.createLabel", "CALL `db`.`createLabel`('Atlantis')"],
    ["db.clearQueryCaches", "CALL db.clearQueryCaches()"],
    ["dbms.components", "CALL dbms.components()"],
    ["a procedure after a schema reader", "CALL db.labels() YIELD label CALL dbms.listConfig() YIELD name RETURN label, name"],
    ["CALL … IN TRANSACTIONS", "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS"],
    ["CALL … IN TRANSACTIONS returning rows", "UNWIND [1] AS x CALL (x) { CREATE (m:Probe) RETURN m } IN TRANSACTIONS RETURN m"],
    ["CREATE", "CREATE (n:Probe {key: 'probe'}) RETURN n"],
    ["MERGE", "MERGE (n:Probe {key: 'probe'}) RETURN n"],
    ["SET", "MATCH (n:Country {key: 'country:brunei'}) SET n.label = 'Bru' RETURN n"],
    ["SET a label", "MATCH (n:Country {key: 'country:brunei'}) SET n:Probe RETURN n"],
    ["DELETE", "MATCH (n:Country {key: 'country:brunei'}) DETACH DELETE n"],
    ["REMOVE", "MATCH (n:Country {key: 'country:brunei'}) REMOVE n.iso RETURN n"],
    ["FOREACH + CREATE", "MATCH (n:Country) FOREACH (x IN [1] | CREATE (:Probe))"],
    ["CALL { CREATE }", "CALL { CREATE (n:Probe) } RETURN 1 AS one"],
    ["a write hidden after a comment", "MATCH (n) // harmless\nWITH n LIMIT 1 CREATE (m:Probe)"],
    ["a write after a back-quoted name", "MATCH (n:`Country`) WITH n LIMIT 1 CREATE (m:`Probe`)"],
    ["two statements", "RETURN 1; CREATE (n:Probe)"],
    ["CREATE INDEX", "CREATE INDEX probe_index FOR (n:Probe) ON (n.key)"],
    ["DROP CONSTRAINT", "DROP CONSTRAINT diplograph_country_key"],
    ["SHOW USERS", "SHOW USERS"],
    ["CREATE USER", "CREATE USER mallory SET PASSWORD 'secret123'"],
    ["TERMINATE TRANSACTIONS", "TERMINATE TRANSACTIONS $ids", { ids: victimIds.transactions }],
    ["SHOW TRANSACTIONS", "SHOW TRANSACTIONS"],
    ["SHOW SETTINGS", "SHOW SETTINGS"],
    ["SHOW SETTINGS with YIELD", "SHOW SETTINGS YIELD name, value RETURN name, value"],
    ["USE system", "USE system SHOW USERS"],
    ["USE system with MATCH", "USE system MATCH (n) RETURN n"],
  ];
}

const ALLOWED: Array<[string, string, unknown[]]> = [
  ["RETURN 1 AS set", "RETURN 1 AS set", [{ set: 1 }]],
  ["a property named set", "MATCH (n:Country {key: 'country:brunei'}) RETURN n.set AS set LIMIT 1", [{ set: null }]],
  ["CREATE inside a string", "RETURN 'CREATE (n) MERGE DELETE LOAD CSV' AS words", [{ words: "CREATE (n) MERGE DELETE LOAD CSV" }]],
  ["CREATE in comments", "// CREATE (n)\nMATCH (n:Country {key: 'country:brunei'}) /* CREATE */ RETURN n.label AS label", [{ label: "Brunei" }]],
  ["a schema reader", "CALL db.labels() YIELD label WHERE label = 'Meeting' RETURN label", [{ label: "Meeting" }]],
  ["a back-quoted schema reader", "CALL `db`.`relationshipTypes`() YIELD relationshipType WHERE relationshipType = 'CHAIRED' RETURN relationshipType", [{ relationshipType: "CHAIRED" }]],
  ["a read subquery", "MATCH (c:Country {key: 'country:brunei'}) CALL (c) { MATCH (c)-[:CHAIRED]->(m) RETURN count(m) AS chaired } RETURN chaired", [{ chaired: 1 }]],
  ["EXISTS and COUNT subqueries", "MATCH (c:Country) WHERE EXISTS { (c)-[:CHAIRED]->() } RETURN c.key AS key, COUNT { (c)-[:CHAIRED]->() } AS chaired ORDER BY key", [{ key: "country:brunei", chaired: 1 }, { key: "country:viet-nam", chaired: 1 }]],
];

async function everythingHeld(): Promise<void> {
  expect(fetched).toEqual([]);
  // The other client's connection and transaction are alive: it can still run and commit.
  expect((await victim.tx.run("RETURN 'still here' AS who")).records[0]?.get("who")).toBe("still here");
}

async function postCypher(query: string, params: Record<string, unknown> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${viewer.url}api/cypher`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, params }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the read-only guard (runReadQuery, as `diplograph query` runs it)", () => {
  it("refuses every attack, and nothing is read, fetched, shown, killed or written", async () => {
    const before = await databaseContents(settings);
    const outcomes: Array<{ attack: string; error: string; message: string }> = [];
    for (const [attack, cypher, params] of attacks()) {
      const error = await runReadQuery(settings, cypher, params ?? {}).then(
        (result) => ({ name: "none", message: `ran and returned ${JSON.stringify(result.rows).slice(0, 200)}` }),
        (e: Error) => e,
      );
      outcomes.push({ attack, error: error.name, message: error.message });
    }
    // Refused as a read-only violation, or as Cypher the server would not parse: never run.
    expect(outcomes.filter((o) => !["WriteQueryRefusedError", "CypherError"].includes(o.error))).toEqual([]);
    for (const o of outcomes) {
      expect(o.message).not.toMatch(/root:|dbms\.security|server\.bolt/);
      expect(o.message.split("\n")).toHaveLength(1);
    }
    // The plan check, not the parser, stops the attacks that parse.
    expect(outcomes.filter((o) => o.error === "WriteQueryRefusedError").length).toBeGreaterThanOrEqual(70);
    expect(await databaseContents(settings)).toEqual(before);
    await everythingHeld();
  });

  it.each(ALLOWED)("runs %s", async (_what, cypher, rows) => {
    expect((await runReadQuery(settings, cypher)).rows).toEqual(rows);
  });

  it("names what it refused in one line", async () => {
    const reasons = await Promise.all(
      [
        `LOAD\u001fCSV FROM 'file:///etc/passwd' AS line RETURN line`,
        "CALL `dbms`.`listConfig`()",
        "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS",
        "SHOW SETTINGS",
        "CREATE (n:Probe)",
      ].map((cypher) => runReadQuery(settings, cypher).catch((e: Error) => e.message)),
    );
    expect(reasons).toEqual([
      expect.stringMatching(/^query: refused: LOAD CSV reads files/),
      expect.stringMatching(/^query: refused: procedure dbms\.listConfig is not one of the schema readers/),
      expect.stringMatching(/^query: refused: CALL … IN TRANSACTIONS/),
      expect.stringMatching(/^query: refused: the plan uses ShowSettings/),
      expect.stringMatching(/^query: refused: the query writes \(query type w\)/),
    ]);
  });
});

describe("the read-only guard (the viewer's POST /api/cypher)", () => {
  it("refuses every attack with 400 and the error's name, and nothing is read, fetched, shown, killed or written", async () => {
    const before = await databaseContents(settings);
    const answers: Array<{ attack: string; status: number; error: unknown; text: string }> = [];
    for (const [attack, cypher, params] of attacks()) {
      const { status, body } = await postCypher(cypher, params);
      answers.push({ attack, status, error: body.error, text: JSON.stringify(body) });
    }
    expect(answers.filter((a) => a.status !== 400 || !["WriteQueryRefusedError", "CypherError"].includes(String(a.error)))).toEqual([]);
    for (const a of answers) expect(a.text).not.toMatch(/root:|dbms\.security|server\.bolt/);
    expect(await databaseContents(settings)).toEqual(before);
    await everythingHeld();
  });

  it.each(ALLOWED)("runs %s", async (_what, cypher, rows) => {
    const { status, body } = await postCypher(cypher);
    expect(status).toBe(200);
    expect(body.rows).toEqual(rows);
  });
});

describe("result limits", () => {
  it("cuts a single huge row before decoding it, and the viewer keeps answering", async () => {
    const { status, body } = await postCypher("RETURN range(1, 10000000) AS numbers");
    expect(status).toBe(200);
    expect(body).toMatchObject({ truncated: true, rows: [] });
    expect(body.cut).toMatch(/^result cut at 0 rows \/ 0 bytes: the next row alone is over the limit of \d+ bytes$/);
    const next = await postCypher("RETURN 1 AS one");
    expect(next).toMatchObject({ status: 200, body: { rows: [{ one: 1 }], truncated: false, cut: null } });
  });

  it("cuts many rows by bytes as well as by rows", async () => {
    const byBytes = await runReadQuery(settings, "UNWIND range(1, 100000) AS x RETURN x, 'padding padding padding' AS text", {}, { byteLimit: 10_000 });
    expect(byBytes.truncated).toBe(true);
    expect(byBytes.cut).toMatch(/the limit is 10000 bytes/);
    expect(JSON.stringify(byBytes.rows).length).toBeLessThanOrEqual(10_000 + byBytes.rows.length * 4);
    const byRows = await runReadQuery(settings, "UNWIND range(1, 100000) AS x RETURN x", {}, { rowLimit: 10 });
    expect(byRows.truncated).toBe(true);
    expect(byRows.cut).toMatch(/^result cut at 10 rows \/ \d+ bytes: the limit is 10 rows$/);
    expect(byRows.rows).toHaveLength(10);
  });
});
