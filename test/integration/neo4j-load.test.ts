// `diplograph load` against the real local Neo4j server: counts, idempotence, the stored
// shape, and one-line errors for a wrong password or a missing server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTITY_KINDS } from "../../src/graph/types.ts";
import type { SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import { closeDrivers, connectionSettings, loadGraph, withSession } from "../../src/neo4j/index.ts";
import { sampleGraph } from "../helpers/sample-graph.ts";
import { databaseContents, fixtureGraph, runCli, writeGraphFile } from "./neo4j-fixture.ts";

const settings = connectionSettings();

/** What the database must hold after a load, counted from graph.json without the loader's code. */
function expectedCounts(graph: SerializedKnowledgeGraph) {
  const byKind = new Map<string, number>();
  for (const node of graph.nodes) byKind.set(node.attributes!.kind, (byKind.get(node.attributes!.kind) ?? 0) + 1);
  const mentionedIn = graph.nodes
    .filter((node) => node.attributes!.kind !== "Article")
    .reduce((sum, node) => sum + node.attributes!.articles.length, 0);
  return { nodes: graph.nodes.length, relationships: graph.edges.length + mentionedIn, byKind };
}

async function count(cypher: string): Promise<number> {
  return withSession(settings, "READ", async (session) => (await session.run(cypher)).records[0]!.get(0).toNumber());
}

describe("diplograph load (the sample articles' graph)", () => {
  afterAll(closeDrivers);

  it("holds as many nodes and relationships as graph.json, and a second load creates nothing", async () => {
    const { path, graph } = sampleGraph();
    const expected = expectedCounts(graph);
    const run = await runCli(["load", "--graph", path, "--wipe"]);
    expect(run.code).toBe(0);
    expect(await count("MATCH (n) WHERE NOT n:_DiplographLoad RETURN count(n)")).toBe(expected.nodes);
    expect(await count("MATCH ()-[r]->() RETURN count(r)")).toBe(expected.relationships);
    for (const [kind, n] of expected.byKind) expect(await count(`MATCH (n:${kind}) RETURN count(n)`), kind).toBe(n);

    const before = await databaseContents(settings);
    const again = await loadGraph(settings, graph, path);
    expect(again).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, nodesDeleted: 0, relationshipsDeleted: 0 });
    expect(await databaseContents(settings)).toEqual(before);
  });
});

describe("diplograph load (fixture graph)", () => {
  const graph = fixtureGraph();
  const file = writeGraphFile(graph);
  const expected = expectedCounts(graph);

  beforeAll(async () => {
    const run = await runCli(["load", "--graph", file, "--wipe"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
  afterAll(closeDrivers);

  it("holds as many nodes and relationships as graph.json (MENTIONED_IN from `articles`)", async () => {
    expect(await count("MATCH (n) WHERE NOT n:_DiplographLoad RETURN count(n)")).toBe(expected.nodes);
    expect(await count("MATCH ()-[r]->() RETURN count(r)")).toBe(expected.relationships);
    for (const [kind, n] of expected.byKind) expect(await count(`MATCH (n:${kind}) RETURN count(n)`), kind).toBe(n);
  });

  it("creates a uniqueness constraint on key for every label of the contract", async () => {
    const constraints = await withSession(settings, "READ", async (session) =>
      (await session.run("SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties RETURN *")).records.map((r) => r.toObject()),
    );
    for (const label of ENTITY_KINDS) {
      expect(constraints).toContainEqual({ type: "UNIQUENESS", labelsOrTypes: [label], properties: ["key"] });
    }
  });

  it("stores evidence as parallel lists and attributes as properties", async () => {
    const row = await withSession(settings, "READ", async (session) => {
      const result = await session.run(
        "MATCH (c:Country {key: 'country:brunei'})-[r:CHAIRED]->(m:Meeting) RETURN r.evidenceQuotes AS quotes, r.evidenceArticles AS articles, r.evidenceStarts AS starts, m.date AS date, m.aliases AS aliases",
      );
      return result.records[0]!.toObject();
    });
    expect(row.quotes).toEqual(["dưới sự chủ trì của nước Chủ tịch 2021 Brunei"]);
    expect(row.articles).toEqual(["002_fcf32e649116f6ed"]);
    expect(row.starts.map((n: { toNumber(): number }) => n.toNumber())).toEqual([10]);
    expect(row.date).toBe("2021-06-17");
    expect(row.aliases).toEqual(["JCM"]);
  });

  it("creates nothing on a second load and leaves the same contents", { timeout: 300_000 }, async () => {
    const before = await databaseContents(settings);
    const report = await loadGraph(settings, graph, file);
    expect(report).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, nodesDeleted: 0, relationshipsDeleted: 0, constraintsAdded: 0 });
    expect(await databaseContents(settings)).toEqual(before);

    const run = await runCli(["load", "--graph", file]);
    expect(run.code).toBe(0);
    // the CLI keeps a state: its first load after loadGraph is a full one, the next writes nothing
    expect(run.stdout).toContain("full load (the database has no mark of an earlier load)");
    const again = await runCli(["load", "--graph", file]);
    expect(again.stdout).toContain(", incremental:");
    expect(again.stdout).toContain(`${expected.nodes} nodes (0 created, 0 deleted, 0 updated, 0 moved)`);
    expect(again.stdout).toContain(`${expected.relationships} relationships (0 created, 0 deleted, 0 updated)`);
    expect(again.stdout).toContain(" 0 batches ");
  });

  it("reports a load from the command line with the counters of the result summary", async () => {
    const run = await runCli(["load", "--graph", file, "--wipe"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${expected.nodes} nodes (${expected.nodes} created, 0 deleted, 0 updated, 0 moved)`);
    expect(run.stdout).toContain(`${expected.relationships} relationships (${expected.relationships} created, 0 deleted, 0 updated)`);
  });
});

describe("diplograph load errors", () => {
  const file = writeGraphFile(fixtureGraph());
  afterAll(closeDrivers);

  it.each([
    { name: "a wrong password", args: ["--password", "not-the-password"], error: "Neo4jAuthError", says: /wrong user or password/ },
    { name: "a missing server", args: ["--uri", "bolt://127.0.0.1:1"], error: "Neo4jUnavailableError", says: /cannot reach the server/ },
  ])("says so in one line for $name", async ({ args, error, says }) => {
    const run = await runCli(["load", "--graph", file, ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(says);

    const overrides = args[0] === "--password" ? { password: args[1] } : { uri: args[1] };
    await expect(loadGraph(connectionSettings(overrides), fixtureGraph(), file)).rejects.toHaveProperty("name", error);
  });

  it("names the file and the reason when graph.json is not a graph", async () => {
    const bad = writeGraphFile({ nodes: "nope" } as unknown as SerializedKnowledgeGraph, "broken.json");
    const run = await runCli(["load", "--graph", bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(bad);
  });
});
