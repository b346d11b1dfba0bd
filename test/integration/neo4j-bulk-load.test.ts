// `diplograph load --bulk` against the test's own local server: it stops that server, imports with
// neo4j-admin and starts it again (once, in beforeAll: a restart costs tens of seconds), and the
// database then holds what an online load holds; saved queries answer; an incremental load of a
// changed graph works on top. Also the one-line refusals that need no restart.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import { closeDrivers, connectionSettings, runReadQuery, savedQuery, withSession } from "../../src/neo4j/index.ts";
import { MEETING_ORDER_INDEX } from "../../src/neo4j/cypher.ts";
import { databaseContents, fixtureGraph, runCli, writeGraphFile } from "./neo4j-fixture.ts";
import type { CliRun } from "./neo4j-fixture.ts";

const settings = connectionSettings();
/** The test server's home and port (test/integration/global-setup.ts): what --bulk finds the local server by. */
const serverEnv = { DIPLOGRAPH_NEO4J_HOME: join(tmpdir(), "neo4j"), NEO4J_BOLT_PORT: new URL(settings.uri).port };

/**
 * The fixture with an empty text, an empty list, a quote, a backslash and a separator in a list item,
 * and line breaks in a text, a list item, an article body and a relationship's quote (set after the
 * import, so that neo4j-admin reads single-line fields): what CSV files get wrong first.
 */
function awkwardGraph(): SerializedKnowledgeGraph {
  const graph = fixtureGraph();
  const brunei = graph.nodes.find((n) => n.key === "country:brunei")!.attributes as unknown as Record<string, unknown>;
  Object.assign(brunei, { aliases: ['Brunei "Darussalam"', "a|b;c", "back\\slash\\", "hai\r\ndòng"], place: "", note: "line one\nline two", x: 1, y: -2.5, size: 34, color: "#fff" });
  const article = graph.nodes.find((n) => n.attributes?.kind === "Article")!.attributes as unknown as Record<string, unknown>;
  article.body = "Đoạn một.\n\nĐoạn hai,\r\nvà đoạn ba.";
  const chaired = graph.edges.find((e) => e.attributes?.type === "CHAIRED")!.attributes as unknown as { evidence: Array<{ quote: string }> };
  chaired.evidence[0]!.quote = "dưới sự chủ trì\ncủa Brunei";
  return graph;
}

async function count(cypher: string): Promise<number> {
  return withSession(settings, "READ", async (session) => Number((await session.run(cypher)).records[0]!.get(0)));
}

describe("diplograph load --bulk", () => {
  const graph = awkwardGraph();
  const dir = mkdtempSync(join(tmpdir(), "bulk-"));
  const file = join(dir, "graph.json");
  writeFileSync(file, JSON.stringify(graph));
  let online: Awaited<ReturnType<typeof databaseContents>>;
  let bulk: CliRun;

  beforeAll(async () => {
    // the reference: an online load of the same graph
    expect((await runCli(["load", "--graph", file, "--wipe", "--state", join(dir, "online-state.json")])).code).toBe(0);
    online = await databaseContents(settings);
    // a stranger in the database: the import replaces the whole database
    await withSession(settings, "WRITE", (s) => s.run("CREATE (:Country {key: 'country:atlantis'})"));
    bulk = await runCli(["load", "--bulk", "--graph", file], serverEnv);
  }, 600_000);
  afterAll(closeDrivers);

  it("imports the graph: the database holds exactly what an online load holds", async () => {
    expect(bulk.code, bulk.stderr).toBe(0);
    expect(bulk.stdout).toContain(`with neo4j-admin: ${graph.nodes.length} nodes (${graph.nodes.length} created)`);
    expect(bulk.stderr).toContain("neo4j-admin database import full");
    expect(bulk.stderr).toContain("the texts with line breaks of 3 rows"); // Brunei, the article, the CHAIRED fact
    expect(await databaseContents(settings)).toEqual(online);
    expect(await count("MATCH (n) WHERE NOT n:_DiplographLoad RETURN count(n)")).toBe(graph.nodes.length);
    const constraints = await withSession(settings, "READ", async (s) => (await s.run("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")).records[0]!.get("names") as string[]);
    expect(constraints).toEqual(expect.arrayContaining(["diplograph_country_key", "diplograph_article_key"]));
    // the loader's derived properties and their indexes, as the online load writes them
    const indexes = await withSession(settings, "READ", async (s) => (await s.run("SHOW INDEXES YIELD name RETURN collect(name) AS names")).records[0]!.get("names") as string[]);
    expect(indexes).toEqual(expect.arrayContaining([MEETING_ORDER_INDEX, "diplograph_country_names"]));
    const sortDates = await withSession(settings, "READ", async (s) => (await s.run("MATCH (m:Meeting) RETURN m.key AS key, m.sortDate AS sortDate ORDER BY key")).records.map((r) => [r.get("key"), r.get("sortDate")]));
    expect(sortDates).toEqual([
      ["meeting:hoi-nghi-cap-cao-asean-37", "2020-11-12"],
      ["meeting:hoi-nghi-hoi-dong-dieu-phoi-asean-25", "2020-04-09"],
      ["meeting:hoi-nghi-tham-van-chung-asean", "2021-06-17"],
    ]);
  });

  it("answers saved queries afterwards, by key and by name through the text index", async () => {
    const chaired = await runReadQuery(settings, savedQuery("chaired-meetings").cypher, savedQuery("chaired-meetings").params);
    expect(chaired.rows).toContainEqual(expect.objectContaining({ chair: "Brunei", meeting: "Hội nghị tham vấn chung ASEAN", date: "2021-06-17" }));
    const timeline = await runReadQuery(settings, savedQuery("official-timeline").cypher, { name: "Nguyễn Quốc Dũng" });
    expect(timeline.rows).toContainEqual(expect.objectContaining({ role: "ATTENDED", date: "2021-06-17" }));
    const alias = await runReadQuery(settings, "MATCH (c:Country) WHERE c.names CONTAINS ('\\u001f' + $name + '\\u001f') RETURN c.key AS key", { name: "a|b;c" });
    expect(alias.rows).toEqual([{ key: "country:brunei" }]);
  });

  it("leaves a state from which an incremental load writes only the change", { timeout: 120_000 }, async () => {
    const changed = awkwardGraph();
    (changed.nodes.find((n) => n.key === "official:pham-binh-minh")!.attributes as { titles: string[] }).titles = ["Phó Thủ tướng"];
    writeFileSync(file, JSON.stringify(changed));
    const run = await runCli(["load", "--graph", file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(", incremental:");
    expect(run.stdout).toMatch(/ nodes \(0 created, 0 deleted, 1 updated, 0 moved\), [\d,]+ relationships \(0 created, 0 deleted, 0 updated\)/);
    const titles = await withSession(settings, "READ", async (s) => (await s.run("MATCH (o:Official {key: 'official:pham-binh-minh'}) RETURN o.titles AS t")).records[0]!.get("t"));
    expect(titles).toEqual(["Phó Thủ tướng"]);
  });
});

describe("diplograph load --bulk refusals", () => {
  const file = writeGraphFile(fixtureGraph());

  it("refuses a server that is not the local one, in one line, touching nothing", { timeout: 120_000 }, async () => {
    const run = await runCli(["load", "--bulk", "--graph", file, "--uri", "neo4j+s://example.databases.neo4j.io"], serverEnv);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("is not the local server");
  });

  it("refuses --wipe with --bulk", { timeout: 120_000 }, async () => {
    const run = await runCli(["load", "--bulk", "--wipe", "--graph", file], serverEnv);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--bulk replaces the whole database");
  });
});
