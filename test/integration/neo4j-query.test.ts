// `diplograph query` and runReadQuery against the real server: saved queries answer the
// questions of the sample articles, and nothing that writes or administers gets through.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDrivers, connectionSettings, listSavedQueries, loadGraph, runReadQuery, toSubgraph, withSession } from "../../src/neo4j/index.ts";
import { runInReadSession } from "../../src/neo4j/read-only.ts";
import { foldName } from "../../src/text/fold.ts";
import { sampleGraph } from "../helpers/sample-graph.ts";
import { databaseContents, fixtureGraph, runCli, writeGraphFile } from "./neo4j-fixture.ts";

const settings = connectionSettings();

async function saved(name: string, params: Record<string, unknown> = {}) {
  const query = listSavedQueries().find((q) => q.name === name);
  if (!query) throw new Error(`no saved query ${name}`);
  return (await runReadQuery(settings, query.cypher, { ...query.params, ...params })).rows;
}

afterAll(closeDrivers);

/** Labels compared without case and diacritics, so that a label written "Cấp cao" or "cấp cao" still matches. */
const folded = (value: unknown) => foldName(String(value ?? ""));
function findRow(rows: Array<Record<string, unknown>>, wanted: Record<string, string>) {
  return rows.find((row) => Object.entries(wanted).every(([column, text]) => folded(row[column]).includes(folded(text))));
}

describe("saved queries on the sample articles (the graph `diplograph build` makes of graph/articles)", () => {
  beforeAll(async () => {
    const { path, graph } = sampleGraph();
    await loadGraph(settings, graph, path, { wipe: true });
  });

  it("who chaired which meetings: Brunei the JCM of 17 June 2021, Phạm Bình Minh the 25th ACC, Việt Nam the 37th summit", async () => {
    const rows = await saved("chaired-meetings");
    expect(findRow(rows, { chair: "Brunei", meeting: "Hội nghị tham vấn chung ASEAN" })).toMatchObject({ date: "2021-06-17" });
    expect(findRow(rows, { chair: "Phạm Bình Minh", meeting: "Hội đồng Điều phối ASEAN" })).toMatchObject({ chairKind: "Official" });
    expect(findRow(rows, { chair: "Phạm Bình Minh", meeting: "Hội đồng Điều phối ASEAN" })?.meeting).toMatch(/25/);
    expect(findRow(rows, { chair: "Việt Nam", meeting: "Hội nghị Cấp cao ASEAN lần thứ 37" })).toBeDefined();
    expect(rows.every((row) => typeof row.evidence === "string" && row.evidence.length > 0)).toBe(true);
    // every fact fits under the default limit of 200, and each row says how many there are
    expect(rows.every((row) => row.allFacts === rows.length)).toBe(true);
  });

  it("cuts the facts at $limit from $skip, in date order, and says how many there are in all", async () => {
    const all = await saved("chaired-meetings");
    const page = await saved("chaired-meetings", { limit: 2, skip: 1 });
    expect(page).toEqual(all.slice(1, 3));
    expect(page.every((row) => row.allFacts === all.length)).toBe(true);
    const dates = all.map((row) => String(row.date ?? "\uffff"));
    expect(dates).toEqual([...dates].sort());
  });

  it("what each meeting adopted: the 37th summit adopted several documents", async () => {
    const rows = await saved("meeting-adoptions");
    const summit = rows.filter((row) => folded(row.meeting) === folded("Hội nghị Cấp cao ASEAN lần thứ 37"));
    expect(summit.length).toBeGreaterThanOrEqual(3);
    expect(findRow(summit, { document: "Tuyên bố Hà Nội về Tầm nhìn Cộng đồng ASEAN đến năm 2025" })).toBeDefined();
  });

  it("what Việt Nam proposed: many documents", async () => {
    const rows = await saved("proposals-of-country");
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.every((row) => row.proposedBy === "Việt Nam")).toBe(true);
    expect(findRow(rows, { proposal: "Tuyên bố Hà Nội về tầm nhìn ASEAN sau 2025" })).toBeDefined();
  });

  it("one official's timeline: Nguyễn Quốc Dũng attended the JCM", async () => {
    const rows = await saved("official-timeline", { name: "Nguyễn Quốc Dũng" });
    expect(findRow(rows, { role: "ATTENDED", meeting: "Hội nghị tham vấn chung ASEAN" })).toMatchObject({ date: "2021-06-17" });
  });

  it("the meetings two participants both attended: Nguyễn Quốc Dũng and Brunei at the JCM", async () => {
    const rows = await saved("shared-meetings", { a: "Nguyễn Quốc Dũng", b: "Brunei" });
    expect(rows.map((row) => folded(row.meeting))).toEqual([folded("Hội nghị tham vấn chung ASEAN")]);
  });

  it("the shortest path between two entities: Brunei chaired the JCM that Nguyễn Quốc Dũng attended", async () => {
    const rows = await saved("shortest-path", { from: "Brunei", to: "Nguyễn Quốc Dũng" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ hops: 2, facts: ["CHAIRED", "ATTENDED"] });
    const subgraph = toSubgraph(rows);
    expect(subgraph.nodes.map((n) => n.key)).toEqual(expect.arrayContaining(["country:brunei", "official:nguyen-quoc-dung"]));
    expect(subgraph.edges.map((e) => e.type).sort()).toEqual(["ATTENDED", "CHAIRED"]);
  });
});

describe("saved queries on a fixture graph (facts the sample graph may lack)", () => {
  beforeAll(async () => {
    const graph = fixtureGraph();
    await loadGraph(settings, graph, writeGraphFile(graph), { wipe: true });
  });

  it("where Việt Nam's proposals were adopted", async () => {
    const rows = await saved("proposals-of-country", { country: "country:viet-nam" });
    expect(rows).toContainEqual(
      expect.objectContaining({
        proposal: "Tuyên bố Hà Nội về Tầm nhìn Cộng đồng ASEAN đến năm 2025",
        proposedBy: "Việt Nam",
        adoptedAt: ["Hội nghị Cấp cao ASEAN lần thứ 37"],
      }),
    );
    expect(rows).toContainEqual(expect.objectContaining({ proposal: "Kho dự phòng của khu vực", adoptedAt: [] }));
  });

  it("one official's timeline, in date order", async () => {
    const rows = await saved("official-timeline", { name: "Phạm Bình Minh" });
    expect(rows.map((row) => [row.date, row.role, row.meeting])).toEqual([
      ["2020-04-09", "CHAIRED", "Hội nghị Hội đồng Điều phối ASEAN lần thứ 25"],
      ["2021-06-17", "ATTENDED", "Hội nghị tham vấn chung ASEAN"],
    ]);
  });

  it("the meetings two officials both attended", async () => {
    const rows = await saved("shared-meetings", { a: "Nguyễn Quốc Dũng", b: "official:pham-binh-minh" });
    expect(rows.map((row) => row.meeting)).toEqual(["Hội nghị tham vấn chung ASEAN"]);
  });

  it("a path as nodes and edges keyed by `key`", async () => {
    const rows = await saved("shortest-path", { from: "Brunei", to: "Nguyễn Quốc Dũng" });
    const subgraph = toSubgraph(rows);
    expect(subgraph.nodes.map((n) => n.key).sort()).toEqual([
      "country:brunei",
      "meeting:hoi-nghi-tham-van-chung-asean",
      "official:nguyen-quoc-dung",
    ]);
    expect(subgraph.edges.map((e) => [e.type, e.source, e.target]).sort()).toEqual([
      ["ATTENDED", "official:nguyen-quoc-dung", "meeting:hoi-nghi-tham-van-chung-asean"],
      ["CHAIRED", "country:brunei", "meeting:hoi-nghi-tham-van-chung-asean"],
    ]);
  });

  it("prints the path on the command line with arrows, and as JSON with its nodes named and its relationships whole", async () => {
    const args = ["query", "--saved", "shortest-path", "--param", "from=Brunei", "--param", "to=Nguyễn Quốc Dũng"];
    const csv = await runCli([...args, "--format", "csv"]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.trimEnd().split("\n")).toEqual([
      "path,hops,entities,facts",
      "Brunei -[CHAIRED]-> Hội nghị tham vấn chung ASEAN <-[ATTENDED]- Nguyễn Quốc Dũng,2,Brunei; Hội nghị tham vấn chung ASEAN; Nguyễn Quốc Dũng,CHAIRED; ATTENDED",
    ]);
    const json = await runCli([...args, "--format", "json"]);
    expect(json.code).toBe(0);
    const [row] = JSON.parse(json.stdout) as Array<{ path: { $type: string; nodes: Array<{ labels: string[]; properties: unknown }>; relationships: Array<{ type: string; properties: { evidenceQuotes?: string[] } }> } }>;
    expect(row?.path.$type).toBe("path");
    expect(row?.path.nodes.map((node) => [node.labels, node.properties])).toEqual([
      [["Country"], { key: "country:brunei", kind: "Country", label: "Brunei", aliases: ["Brunei Darussalam"] }],
      [["Meeting"], { key: "meeting:hoi-nghi-tham-van-chung-asean", kind: "Meeting", label: "Hội nghị tham vấn chung ASEAN", aliases: ["JCM"] }],
      [["Official"], { key: "official:nguyen-quoc-dung", kind: "Official", label: "Nguyễn Quốc Dũng", aliases: [] }],
    ]);
    expect(row?.path.relationships.map((r) => [r.type, r.properties.evidenceQuotes])).toEqual([
      ["CHAIRED", ["dưới sự chủ trì của nước Chủ tịch 2021 Brunei"]],
      ["ATTENDED", ["Nguyễn Quốc Dũng dẫn đầu đoàn đại biểu Việt Nam tham dự Hội nghị"]],
    ]);
  });
});

describe("diplograph query on the command line", () => {
  it("--list shows every saved query with its description", async () => {
    const run = await runCli(["query", "--list"]);
    expect(run.code).toBe(0);
    for (const query of listSavedQueries()) expect(run.stdout).toContain(`${query.name}`);
    expect(run.stdout).toContain("Who chaired which meetings");
    expect(listSavedQueries().length).toBeGreaterThanOrEqual(6);
  });

  it.each([
    { format: "json", check: (out: string) => expect(JSON.parse(out)).toContainEqual(expect.objectContaining({ chair: "Brunei" })) },
    { format: "csv", check: (out: string) => expect(out.split("\n")[0]).toBe("chair,chairKind,meeting,date,evidence,allFacts") },
    { format: "table", check: (out: string) => expect(out).toMatch(/Brunei\s+│ Country\s+│ Hội nghị tham vấn chung ASEAN/) },
  ])("prints --saved chaired-meetings as $format", async ({ format, check }) => {
    const run = await runCli(["query", "--saved", "chaired-meetings", "--format", format]);
    expect(run.code).toBe(0);
    check(run.stdout);
  });

  it("passes --param values to the query", async () => {
    const run = await runCli(["query", "MATCH (m:Meeting) WHERE m.ordinal = $n RETURN m.label AS meeting", "--param", "n=37", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([{ meeting: "Hội nghị Cấp cao ASEAN lần thứ 37" }]);
  });

  it.each([
    { name: "a wrong password", args: ["--password", "not-the-password"], error: "Neo4jAuthError" },
    { name: "a missing server", args: ["--uri", "bolt://127.0.0.1:1"], error: "Neo4jUnavailableError" },
  ])("says so in one line for $name", async ({ args, error }) => {
    const run = await runCli(["query", "RETURN 1 AS one", ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    const overrides = args[0] === "--password" ? { password: args[1] } : { uri: args[1] };
    await expect(runReadQuery(connectionSettings(overrides), "RETURN 1")).rejects.toHaveProperty("name", error);
  });

  it("refuses a write in one line, leaving the database as it was", async () => {
    const before = await databaseContents(settings);
    const run = await runCli(["query", "MATCH (n) DETACH DELETE n"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(await databaseContents(settings)).toEqual(before);
  });
});

describe("read-only queries", () => {
  it.each([
    ["CREATE", "CREATE (n:Country {key: 'country:atlantis'}) RETURN n"],
    ["MERGE", "MERGE (n:Country {key: 'country:atlantis'}) RETURN n"],
    ["DELETE", "MATCH (n:Country {key: 'country:brunei'}) DETACH DELETE n"],
    ["SET", "MATCH (n:Country {key: 'country:brunei'}) SET n.label = 'Bru' RETURN n"],
    ["REMOVE", "MATCH (n:Country {key: 'country:brunei'}) REMOVE n.iso RETURN n"],
    ["LOAD CSV", "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"],
    ["an admin procedure", "CALL dbms.components()"],
    ["a schema-changing procedure", "CALL db.createLabel('Atlantis')"],
    ["an administration command", "SHOW USERS"],
    ["user management", "CREATE USER mallory SET PASSWORD 'secret123'"],
    ["a write hidden after a comment", "MATCH (n) // harmless\nWITH n LIMIT 1 CREATE (m:Country {key: 'x'})"],
    ["CALL IN TRANSACTIONS", "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS"],
  ])("refuses %s with WriteQueryRefusedError and writes nothing", async (_what, cypher) => {
    const before = await databaseContents(settings);
    await expect(runReadQuery(settings, cypher)).rejects.toHaveProperty("name", "WriteQueryRefusedError");
    expect(await databaseContents(settings)).toEqual(before);
  });

  it("is refused by the server too when a write gets past the check (READ session)", async () => {
    await expect(runInReadSession(settings, "CREATE (n:Country {key: 'country:atlantis'})")).rejects.toHaveProperty(
      "name",
      "WriteQueryRefusedError",
    );
    const left = await withSession(settings, "READ", async (s) => (await s.run("MATCH (n {key: 'country:atlantis'}) RETURN count(n) AS n")).records[0]!.get("n").toNumber());
    expect(left).toBe(0);
  });

  it.each([
    ["a keyword inside a string", "RETURN 'CREATE, MERGE, DELETE' AS words", [{ words: "CREATE, MERGE, DELETE" }]],
    ["a schema reader", "CALL db.labels() YIELD label WHERE label = 'Meeting' RETURN label", [{ label: "Meeting" }]],
    ["a property named like a clause", "MATCH (m:Meeting {ordinal: 25}) RETURN m.set AS set_, m.ordinal AS ordinal", [{ set_: null, ordinal: 25 }]],
  ])("runs %s", async (_what, cypher, rows) => {
    expect((await runReadQuery(settings, cypher)).rows).toEqual(rows);
  });

  it("stops a query at its time limit with QueryTimeoutError", async () => {
    await expect(
      runReadQuery(settings, "UNWIND range(1, 2000000000) AS x RETURN count(x)", {}, { timeoutMs: 300 }),
    ).rejects.toHaveProperty("name", "QueryTimeoutError");
  });

  it("returns at most rowLimit rows and says it truncated", async () => {
    const result = await runReadQuery(settings, "UNWIND range(1, 100) AS x RETURN x", {}, { rowLimit: 10 });
    expect(result.rows).toHaveLength(10);
    expect(result.truncated).toBe(true);
  });

  it("names bad Cypher with CypherError", async () => {
    await expect(runReadQuery(settings, "MATCH (n RETURN n")).rejects.toHaveProperty("name", "CypherError");
  });
});
