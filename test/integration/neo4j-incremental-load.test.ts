// `diplograph load` writes only what changed since the last load of the database, and still ends
// with exactly graph.json's contents when it cannot trust what it wrote last (the database was
// changed behind its back, or the last load was killed halfway): against the real local server.
import { spawn } from "node:child_process";
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { MultiDirectedGraph } from "graphology";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syntheticGraph } from "../../scripts/bench-load.ts";
import { articleFileName, writeCorpus } from "../../scripts/synth-corpus.ts";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import { closeDrivers, connectionSettings, loadGraph, runReadQuery, savedQuery, withSession } from "../../src/neo4j/index.ts";
import { UNDATED } from "../../src/neo4j/derived-properties.ts";
import { WIPE_STATEMENTS } from "../../src/neo4j/cypher.ts";
import { serializeGraph } from "../../src/graph/serialize.ts";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";
import { databaseContents, fixtureGraph, runCli, writeGraphFile } from "./neo4j-fixture.ts";

const settings = connectionSettings();
const write = (cypher: string) => withSession(settings, "WRITE", (session) => session.run(cypher));

/** The fixture without one article: its facts go, entities named only there go, the others lose it from `articles`. */
function withoutArticle(graph: SerializedKnowledgeGraph, id: string): SerializedKnowledgeGraph {
  // a copy: graphology keeps the attribute objects it is given, and `graph` is loaded as it was
  const g = MultiDirectedGraph.from(structuredClone(graph) as never) as unknown as MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
  g.dropNode(`article:${id}`);
  for (const edge of g.edges()) {
    const articles = g.getEdgeAttribute(edge, "articles").filter((a) => a !== id);
    if (articles.length === 0) g.dropEdge(edge);
    else g.mergeEdgeAttributes(edge, { articles, evidence: g.getEdgeAttribute(edge, "evidence").filter((e) => e.article !== id) });
  }
  for (const node of g.nodes()) {
    const attributes = g.getNodeAttributes(node);
    if (attributes.kind === "Article" || !attributes.articles.includes(id)) continue;
    const articles = attributes.articles.filter((a) => a !== id);
    if (articles.length === 0) g.dropNode(node);
    else g.mergeNodeAttributes(node, { articles, mentions: attributes.mentions.filter((m) => m.article !== id) });
  }
  return g.export() as SerializedKnowledgeGraph;
}

/** The counts a load reports, read from its summary line. */
function counts(stdout: string) {
  const match = /([\d,]+) nodes \(([\d,]+) created, ([\d,]+) deleted, ([\d,]+) updated, ([\d,]+) moved\), ([\d,]+) relationships \(([\d,]+) created, ([\d,]+) deleted, ([\d,]+) updated\)/.exec(stdout);
  if (!match) throw new Error(`no counts in: ${stdout}`);
  const [nodes, nodesCreated, nodesDeleted, nodesUpdated, nodesMoved, relationships, relationshipsCreated, relationshipsDeleted, relationshipsUpdated] = match
    .slice(1)
    .map((n) => Number(n.replaceAll(",", ""))) as [number, number, number, number, number, number, number, number, number];
  return { nodes, nodesCreated, nodesDeleted, nodesUpdated, nodesMoved, relationships, relationshipsCreated, relationshipsDeleted, relationshipsUpdated };
}

/** What a fresh load of `file` into an empty database holds: the reference every other load must equal. */
async function freshContents(file: string) {
  const run = await runCli(["load", "--graph", file, "--wipe", "--state", join(mkdtempSync(join(tmpdir(), "fresh-")), "state.json")]);
  expect(run.code, run.stderr).toBe(0);
  return databaseContents(settings);
}

// Each test runs `diplograph load` several times as a user would (a child process each).
const SLOW = 300_000;
const A_JCM = "002_fcf32e649116f6ed";
const JCM_ONLY = ["article:002_fcf32e649116f6ed", "country:brunei", "official:nguyen-quoc-dung", "meeting:hoi-nghi-tham-van-chung-asean"];

/** Article ids a000, a001, …: `n` of them. */
const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${String(i).padStart(3, "0")}`);

/** ASEAN named twice in each of `articles` (long lists), Brunei in `bruneiArticles` attending it. */
function hubGraph(articles: string[], bruneiArticles: string[]) {
  const g = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  for (const id of articles) g.addNode(`article:${id}`, { kind: "Article", label: id, aliases: [], articles: [], mentions: [], title: id, published: "2024-01-01", publisher: "P", file: `${id}.txt`, sha256: "0", body: `bài ${id}`, x: 1, y: 1, size: 1, color: "#fff" } as never);
  const mentions = articles.flatMap((a) => [{ article: a, sentence: 0, start: 0, end: 5 }, { article: a, sentence: 2, start: 10, end: 15 }]);
  g.addNode("organization:asean", { kind: "Organization", label: "ASEAN", aliases: ["Hiệp hội các quốc gia Đông Nam Á"], articles, mentions, x: 0, y: 0, size: 9, color: "#000" } as never);
  const first = bruneiArticles[0]!;
  g.addNode("country:brunei", { kind: "Country", label: "Brunei", aliases: [], articles: bruneiArticles, mentions: [{ article: first, sentence: 1, start: 0, end: 6 }], x: 2, y: 2, size: 3, color: "#000" } as never);
  g.addDirectedEdge("country:brunei", "organization:asean", { type: "ATTENDED", label: "ATTENDED", articles: [first], evidence: [{ article: first, sentence: 1, quote: "q", start: 0, end: 1 }], confidence: 0.9 } as never);
  return g;
}

describe("an incremental load", () => {
  afterAll(closeDrivers);
  beforeEach(async () => {
    for (const statement of WIPE_STATEMENTS) await write(statement);
  });

  it("adds, updates and deletes exactly what changed, and a second load writes nothing", { timeout: SLOW }, async () => {
    const before = fixtureGraph();
    const after = withoutArticle(before, A_JCM);
    // one changed property, one new fact
    const official = after.nodes.find((n) => n.key === "official:pham-binh-minh")!;
    (official.attributes as { titles: string[] }).titles = ["Phó Thủ tướng"];
    after.edges.push({
      key: "ADOPTED:meeting:hoi-nghi-hoi-dong-dieu-phoi-asean-25->document:kho-du-phong-khu-vuc",
      source: "meeting:hoi-nghi-hoi-dong-dieu-phoi-asean-25",
      target: "document:kho-du-phong-khu-vuc",
      attributes: { type: "ADOPTED", label: "ADOPTED", articles: ["001_e970c5ff869cd3a7"], evidence: [{ article: "001_e970c5ff869cd3a7", sentence: 4, quote: "thông qua kho dự phòng", start: 0, end: 22 }], confidence: 0.9 },
    });
    expect(after.nodes.map((n) => n.key)).not.toContain("country:brunei");

    const dir = mkdtempSync(join(tmpdir(), "incremental-"));
    const file = join(dir, "graph.json");
    const first = await runCli(["load", "--graph", writeGraphFile(before), "--state", join(dir, "state.json")]);
    expect(first.stdout).toContain("full load (no state of an earlier load)");
    writeFileSync(file, JSON.stringify(after));

    const run = await runCli(["load", "--graph", file, "--state", join(dir, "state.json")]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(", incremental:");
    // Counted from the two graphs by hand. Nodes: the JCM article, Brunei, Nguyễn Quốc Dũng and the
    // JCM meeting go (4); Việt Nam and ASEAN lose the article from `articles`, Phạm Bình Minh a
    // title (3 updated). Relationships: the JCM facts (Brunei chaired; Dũng, Việt Nam and Phạm Bình
    // Minh attended; Dũng's OFFICIAL_OF, stated there) and the MENTIONED_IN of Việt Nam, Brunei,
    // Dũng, the meeting and ASEAN to that article go (10); the new ADOPTED is created (1).
    const report = counts(run.stdout);
    expect(report).toMatchObject({
      nodesCreated: 0,
      nodesDeleted: JCM_ONLY.length,
      nodesUpdated: 3,
      nodesMoved: 0,
      relationshipsCreated: 1,
      relationshipsDeleted: 10,
      relationshipsUpdated: 0,
    });
    expect(report.relationships).toBe(counts(first.stdout).relationships - 10 + 1);
    const loaded = await databaseContents(settings);
    for (const key of JCM_ONLY) expect(loaded.nodes.join("\n")).not.toContain(`"key":"${key}"`);
    expect(loaded.nodes.join("\n")).toContain('"key":"country:viet-nam"');
    expect(loaded).toEqual(await freshContents(file));

    // the fresh load above wiped the database: load into it again from our state → full, then nothing
    await runCli(["load", "--graph", file, "--state", join(dir, "state.json")]);
    const again = await runCli(["load", "--graph", file, "--state", join(dir, "state.json")]);
    expect(again.stdout).toContain(", incremental:");
    expect(counts(again.stdout)).toMatchObject({ nodesCreated: 0, nodesDeleted: 0, nodesUpdated: 0, nodesMoved: 0, relationshipsCreated: 0, relationshipsDeleted: 0, relationshipsUpdated: 0 });
    expect(again.stdout).toContain(" 0 batches ");
  });

  it("appends the new items of long lists and takes unchanged node lines from the state, ending as a fresh load would", { timeout: SLOW }, async () => {
    // ASEAN named in 300 articles (a list long enough to be appended to), then in 2 more, as a rebuild that keeps positions writes it
    const graphOf = (articles: string[]) => hubGraph(articles, articles.slice(0, 3));
    const dir = mkdtempSync(join(tmpdir(), "append-"));
    const [beforeFile, afterFile, state] = [join(dir, "before.json"), join(dir, "after.json"), join(dir, "state.json")];
    writeFileSync(beforeFile, serializeGraph(graphOf(ids(300)) as never));
    writeFileSync(afterFile, serializeGraph(graphOf(ids(302)) as never));
    expect((await runCli(["load", "--graph", beforeFile, "--state", state])).code).toBe(0);
    const run = await runCli(["load", "--graph", afterFile, "--state", state]);
    expect(run.code, run.stderr).toBe(0);
    expect(counts(run.stdout)).toMatchObject({ nodesCreated: 2, nodesUpdated: 1, relationshipsCreated: 2, relationshipsDeleted: 0 });
    const loaded = await databaseContents(settings);
    const asean = await withSession(settings, "READ", async (session) => (await session.run("MATCH (n:Organization {key: 'organization:asean'}) RETURN size(n.mentionArticles) AS m, n.articles[-1] AS last, n.mentionStarts[-1] AS start")).records[0]!);
    expect([asean.get("m").toNumber(), asean.get("last"), asean.get("start").toNumber()]).toEqual([604, "a301", 10]);
    expect(loaded).toEqual(await freshContents(afterFile));
  });

  it("puts new articles' items between the old ones of long lists where their ids sort, ending as a fresh load would", { timeout: SLOW }, async () => {
    const graphOf = (articles: string[]) => hubGraph(articles, ["a000"]);
    const dir = mkdtempSync(join(tmpdir(), "insert-"));
    const [beforeFile, afterFile, state] = [join(dir, "before.json"), join(dir, "after.json"), join(dir, "state.json")];
    writeFileSync(beforeFile, serializeGraph(graphOf(ids(300)) as never));
    // one new id sorts first, one between a050 and a051, one last
    writeFileSync(afterFile, serializeGraph(graphOf([...ids(300), "0first", "a0505", "b"].sort()) as never));
    expect((await runCli(["load", "--graph", beforeFile, "--state", state])).code).toBe(0);
    const run = await runCli(["load", "--graph", afterFile, "--state", state]);
    expect(run.code, run.stderr).toBe(0);
    expect(counts(run.stdout)).toMatchObject({ nodesCreated: 3, nodesUpdated: 1, relationshipsCreated: 3, relationshipsDeleted: 0 });
    const asean = await withSession(settings, "READ", async (session) => (await session.run("MATCH (n:Organization {key: 'organization:asean'}) RETURN n.articles[0..2] AS first, n.articles[51..53] AS middle, n.mentionArticles[102..106] AS mentions, n.mentionStarts[102..106] AS starts")).records[0]!);
    expect([asean.get("first"), asean.get("middle"), asean.get("mentions"), asean.get("starts").map(Number)]).toEqual([["0first", "a000"], ["a050", "a0505"], ["a050", "a050", "a0505", "a0505"], [0, 10, 0, 10]]);
    expect(await databaseContents(settings)).toEqual(await freshContents(afterFile));
  });

  it("writes many hubs' lists two batches at a time and ends as a fresh load would", { timeout: SLOW }, async () => {
    // six organisations named in every article: six rows of inserted items, one per batch, in two lanes
    const graphOf = (articles: string[]) => {
      const g = hubGraph(articles, ["a000"]);
      const attributes = g.getNodeAttributes("organization:asean");
      for (let i = 1; i < 6; i++) g.addNode(`organization:hub-${i}`, { ...attributes, label: `Hub ${i}`, aliases: [] } as never);
      return g;
    };
    const dir = mkdtempSync(join(tmpdir(), "lanes-"));
    const [beforeFile, afterFile, state] = [join(dir, "before.json"), join(dir, "after.json"), join(dir, "state.json")];
    writeFileSync(beforeFile, serializeGraph(graphOf(ids(300)) as never));
    writeFileSync(afterFile, serializeGraph(graphOf([...ids(300), "a0505", "a1505"].sort()) as never));
    expect((await runCli(["load", "--graph", beforeFile, "--state", state])).code).toBe(0);
    const run = await runCli(["load", "--graph", afterFile, "--state", state, "--batch-size", "1"]);
    expect(run.code, run.stderr).toBe(0);
    expect(counts(run.stdout)).toMatchObject({ nodesCreated: 2, nodesUpdated: 6, relationshipsCreated: 12, relationshipsDeleted: 0 });
    expect(await databaseContents(settings)).toEqual(await freshContents(afterFile));
  });

  it("keeps meetings' sortDate in step with their dates, so the paged listings stay in date order", { timeout: SLOW }, async () => {
    const before = fixtureGraph();
    const dir = mkdtempSync(join(tmpdir(), "sortdate-"));
    const [file, state] = [join(dir, "graph.json"), join(dir, "state.json")];
    writeFileSync(file, JSON.stringify(before));
    expect((await runCli(["load", "--graph", file, "--state", state])).code).toBe(0);
    const order = async () => (await runReadQuery(settings, savedQuery("chaired-meetings").cypher, savedQuery("chaired-meetings").params)).rows.map((row) => [row.date, row.chair]);
    expect(await order()).toEqual([["2020-04-09", "Phạm Bình Minh"], ["2020-11-12", "Việt Nam"], ["2021-06-17", "Brunei"]]);

    // the JCM moves to 2019, the 25th ACC loses its date
    const after = structuredClone(before);
    const meeting = (key: string) => after.nodes.find((n) => n.key === key)!.attributes as unknown as Record<string, unknown>;
    meeting("meeting:hoi-nghi-tham-van-chung-asean").date = "2019-01-01";
    delete meeting("meeting:hoi-nghi-hoi-dong-dieu-phoi-asean-25").date;
    writeFileSync(file, JSON.stringify(after));
    const run = await runCli(["load", "--graph", file, "--state", state]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(", incremental:");
    expect(counts(run.stdout)).toMatchObject({ nodesCreated: 0, nodesDeleted: 0, nodesUpdated: 2, relationshipsCreated: 0, relationshipsDeleted: 0 });
    const sortDates = await withSession(settings, "READ", async (session) => (await session.run("MATCH (m:Meeting) RETURN m.key AS key, m.sortDate AS sortDate ORDER BY key")).records.map((r) => [r.get("key"), r.get("sortDate")]));
    expect(sortDates).toEqual([
      ["meeting:hoi-nghi-cap-cao-asean-37", "2020-11-12"],
      ["meeting:hoi-nghi-hoi-dong-dieu-phoi-asean-25", UNDATED],
      ["meeting:hoi-nghi-tham-van-chung-asean", "2019-01-01"],
    ]);
    expect(await order()).toEqual([["2019-01-01", "Brunei"], ["2020-11-12", "Việt Nam"], [null, "Phạm Bình Minh"]]);
    expect(await databaseContents(settings)).toEqual(await freshContents(file));
  });

  it("ends with exactly the graph when the database was changed behind its back", { timeout: SLOW }, async () => {
    const graph = fixtureGraph();
    const file = writeGraphFile(graph);
    const state = join(mkdtempSync(join(tmpdir(), "behind-")), "state.json");
    expect((await runCli(["load", "--graph", file, "--state", state])).code).toBe(0);
    const reference = await databaseContents(settings);

    // nodes deleted and a stranger added: the counts no longer match the state
    await write("MATCH (n:Official) DETACH DELETE n");
    await write("CREATE (:Country {key: 'country:atlantis', label: 'Atlantis'})-[:CHAIRED]->(:Meeting {key: 'meeting:secret'})");
    const repaired = await runCli(["load", "--graph", file, "--state", state]);
    expect(repaired.stdout).toMatch(/full load \(the database holds \d+ nodes/);
    expect(await databaseContents(settings)).toEqual(reference);

    // another load (no state of ours) in between: the generation differs
    await loadGraph(settings, syntheticGraph({ relationships: 400, seed: 3 }), "other.json");
    const afterOther = await runCli(["load", "--graph", file, "--state", state]);
    expect(afterOther.stdout).toContain("full load (the database has no mark of an earlier load)");
    expect(await databaseContents(settings)).toEqual(reference);

    // a property edited in place keeps every count: the mark cannot see it; --full puts it back
    await write("MATCH (c:Country {key: 'country:viet-nam'}) SET c.label = 'edited', c.extra = 1");
    const full = await runCli(["load", "--graph", file, "--state", state, "--full"]);
    expect(full.stdout).toContain("full load (--full)");
    expect(await databaseContents(settings)).toEqual(reference);
  });

  it("ends correct after an incremental load killed halfway", { timeout: SLOW }, async () => {
    const before = syntheticGraph({ relationships: 300, seed: 11 });
    const after = syntheticGraph({ relationships: 300, seed: 12 });
    const [beforeFile, afterFile] = [writeGraphFile(before), writeGraphFile(after)];
    const state = join(mkdtempSync(join(tmpdir(), "killed-")), "state.json");
    expect((await runCli(["load", "--graph", beforeFile, "--state", state])).code).toBe(0);
    const reference = await freshContents(afterFile);
    expect((await runCli(["load", "--graph", beforeFile, "--state", state])).stdout).toContain("full load");

    const child = spawn(process.execPath, [join(PROJECT_ROOT, "bin/diplograph.js"), "load", "--graph", afterFile, "--state", state, "--batch-size", "5"], {
      cwd: PROJECT_ROOT,
      stdio: "ignore",
    });
    const exited = new Promise((done) => child.once("exit", done));
    const relationships = () => withSession(settings, "READ", async (session) => (await session.run("MATCH ()-[r]->() RETURN count(r) AS n")).records[0]!.get("n").toNumber());
    const loading = async () =>
      withSession(settings, "READ", async (session) => (await session.run("MATCH (s:_DiplographLoad {state: 'loading'}) RETURN count(s) AS n")).records[0]!.get("n").toNumber());
    const untouched = await relationships();
    // kill it once it has marked the database and committed its first batches (deletions come first)
    while ((await loading()) === 0 || (await relationships()) === untouched) {
      if (child.exitCode !== null) throw new Error(`the load exited (code ${child.exitCode}) before it was killed`);
      await sleep(10);
    }
    child.kill("SIGKILL");
    await exited;
    expect(await databaseContents(settings)).not.toEqual(reference);

    const rerun = await runCli(["load", "--graph", afterFile, "--state", state]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain("full load (the last load did not finish)");
    expect(await databaseContents(settings)).toEqual(reference);
  });
});

/** How many lines a load read through the build's index, of how many; undefined when it read graph.json whole. */
function linesRead(stdout: string): { read: number; of: number } | undefined {
  const match = /reading graph\.json \(([\d,]+) of its ([\d,]+) lines, written since the last load\)/.exec(stdout);
  return match ? { read: Number(match[1]!.replaceAll(",", "")), of: Number(match[2]!.replaceAll(",", "")) } : undefined;
}

describe("an incremental load of a rebuilt graph.json", () => {
  afterAll(closeDrivers);
  beforeAll(async () => {
    for (const statement of WIPE_STATEMENTS) await write(statement);
  });

  it("reads only the lines rebuilt since the last load and ends as a fresh load would: two builds between loads, a deleted and a changed article, a full rebuild, a hand edit, a damaged index", { timeout: 600_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), "rebuilt-"));
    const [articles, more, out] = [join(root, "articles"), join(root, "more"), join(root, "out")];
    writeCorpus(articles, 40, 5);
    writeCorpus(more, 46, 5); // article i is the same whatever the count: 40 to 45 are the next days' news
    const graph = join(out, "graph.json");
    const state = join(root, "state.json");
    const build = async (...extra: string[]) => {
      const run = await runCli(["build", articles, "--out", out, "--no-layout", "--jobs", "1", ...extra]);
      expect(run.code, run.stderr).toBe(0);
      return run;
    };
    const load = async () => {
      const run = await runCli(["load", "--graph", graph, "--state", state]);
      expect(run.code, run.stderr).toBe(0);
      return run;
    };
    /** The database equals a fresh load of graph.json; then loaded again from our state (the fresh load took the mark). */
    const expectFresh = async (what: string) => {
      const loaded = await databaseContents(settings);
      expect(loaded, what).toEqual(await freshContents(graph));
      expect((await load()).stdout, what).toContain("full load (the database was loaded from elsewhere since)");
    };
    const add = (...indices: number[]) => indices.forEach((i) => copyFileSync(join(more, articleFileName(i)), join(articles, articleFileName(i))));

    await build();
    expect((await load()).stdout).toContain("full load (no state of an earlier load)");

    // two builds between two loads: the lines of both are read, no other
    add(40, 41);
    const second = await build();
    add(42);
    const third = await build();
    const written = [second, third].map((run) => Number(/graph\.json: [\d,]+ line\(s\) copied from the previous one, ([\d,]+) written/.exec(run.stdout)![1]!.replaceAll(",", "")));
    const afterTwo = await load();
    expect(afterTwo.stdout).toContain(", incremental:");
    const read = linesRead(afterTwo.stdout)!;
    expect(read.read).toBeGreaterThan(0);
    expect(read.read).toBeLessThanOrEqual(written[0]! + written[1]!);
    expect(read.read).toBeLessThan(read.of / 2);
    expect(counts(afterTwo.stdout).nodesCreated).toBeGreaterThan(0);
    await expectFresh("two builds between loads");

    // an article deleted, another changed
    rmSync(join(articles, articleFileName(7)));
    appendFileSync(join(articles, articleFileName(12)), "\nHội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 99 đã thông qua Tuyên bố Hà Nội về hợp tác biển.\n");
    await build();
    const afterDelete = await load();
    expect(linesRead(afterDelete.stdout)).toBeDefined();
    expect(counts(afterDelete.stdout).nodesDeleted).toBeGreaterThan(0);
    expect(counts(afterDelete.stdout).relationshipsDeleted).toBeGreaterThan(0);
    expect((await databaseContents(settings)).nodes.join("\n")).not.toContain(`"key":"article:${articleFileName(7).replace(".txt", "")}"`);
    await expectFresh("an article deleted and one changed");

    // a full rebuild: another lineage, graph.json read whole (still only the difference written)
    add(43);
    await build("--fresh");
    const afterFresh = await load();
    expect(afterFresh.stdout).toContain(", incremental:");
    expect(linesRead(afterFresh.stdout)).toBeUndefined();
    await expectFresh("a full rebuild between loads");

    // graph.json edited by hand: not the file the index describes, read whole
    add(44);
    await build();
    const text = readFileSync(graph, "utf8");
    const label = /"kind":"Country","label":"([^"]+)"/.exec(text)![1]!;
    writeFileSync(graph, text.replace(`"kind":"Country","label":"${label}"`, `"kind":"Country","label":"${label} (sửa tay)"`));
    const afterEdit = await load();
    expect(afterEdit.stdout).toContain(", incremental:");
    expect(linesRead(afterEdit.stdout)).toBeUndefined();
    expect((await databaseContents(settings)).nodes.join("\n")).toContain(`${label} (sửa tay)`);
    await expectFresh("graph.json edited by hand");

    // an index that names the wrong bytes for a line it says is new: read whole
    await build("--fresh"); // the edited file is not the indexed one: written whole, indexed again
    await load();
    add(45);
    await build();
    const indexFile = join(out, ".diplograph", "graph-lines.json");
    const index = JSON.parse(readFileSync(indexFile, "utf8")) as { nodes: Array<[string, number, number, number]>; lineage: Array<[string, number]> };
    const newest = index.lineage[index.lineage.length - 1]![1];
    const damaged = index.nodes.findIndex((n) => n[3] === newest);
    index.nodes[damaged]![1] += 1;
    writeFileSync(indexFile, JSON.stringify(index));
    const afterDamage = await load();
    expect(afterDamage.stdout).toContain(", incremental:");
    expect(linesRead(afterDamage.stdout)).toBeUndefined();
    await expectFresh("a damaged index");
  });
});
