// The saved queries rewritten for speed answer exactly what the plain form of their question
// answers (same rows, same order): chaired-meetings and meeting-adoptions, which read meetings in
// date order from the `sortDate` index and stop after their page (or read them all where no meeting
// has sortDate), and proposals-of-country, which reads officials' proposals from whichever end is
// smaller. On the sample graph, and on fixtures that take every branch (an undated meeting, a
// database without sortDate, an official who proposed, a country with more officials than proposals).
// shortest-path returns the path the plain form returns with its nodes reduced to what names them:
// the same table, CSV and subgraph for the command line and the viewer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import { closeDrivers, connectionSettings, loadGraph, runReadQuery, savedQuery, withSession } from "../../src/neo4j/index.ts";
import type { PlainNode, PlainPath, PlainValue } from "../../src/neo4j/index.ts";
import { cellText } from "../../src/neo4j/format.ts";
import { neo4jCypherConsole } from "../../src/server/cypher-console.ts";
import neo4j from "neo4j-driver";
import type { ProfiledPlan } from "neo4j-driver";
import { sampleGraph } from "../helpers/sample-graph.ts";
import { fixtureGraph, writeGraphFile } from "./neo4j-fixture.ts";

const settings = connectionSettings();
afterAll(closeDrivers);

/** The questions in their plainest Cypher: every fact of the type, sorted; a name matched against label and aliases. */
const PLAIN: Record<string, string> = {
  "chaired-meetings": `
    MATCH (chair)-[r:CHAIRED]->(m:Meeting)
    RETURN chair.label AS chair, labels(chair)[0] AS chairKind, m.label AS meeting, coalesce(m.date, m.startDate) AS date,
           r.evidenceQuotes[0] AS evidence, COUNT { ()-[:CHAIRED]->() } AS allFacts
    ORDER BY date, meeting, chair SKIP $skip LIMIT $limit`,
  "meeting-adoptions": `
    MATCH (m:Meeting)-[r:ADOPTED]->(d:Document)
    RETURN m.label AS meeting, coalesce(m.date, m.startDate) AS date, d.label AS document, d.docKind AS docKind,
           r.evidenceQuotes[0] AS evidence, COUNT { ()-[:ADOPTED]->() } AS allFacts
    ORDER BY date, meeting, document SKIP $skip LIMIT $limit`,
  "proposals-of-country": `
    MATCH (c:Country) WHERE c.key = $country OR $country IN [c.label] + coalesce(c.aliases, [])
    MATCH (proposal)-[p:PROPOSED_BY]->(by) WHERE by = c OR (by:Official AND (by)-[:OFFICIAL_OF]->(c))
    RETURN proposal.label AS proposal, labels(proposal)[0] AS kind, by.label AS proposedBy,
           COLLECT { MATCH (m:Meeting)-[:ADOPTED]->(proposal) RETURN m.label LIMIT $meetings } AS adoptedAt,
           COUNT { ()-[:ADOPTED]->(proposal) } AS adoptions, p.evidenceQuotes[0] AS evidence
    ORDER BY proposal, proposedBy`,
};

/** shortest-path as it was until 3 Dec (two entities by key here): the path whole, every property of every node on it. */
const WHOLE_PATH = `
  MATCH (a {key: $from}), (b {key: $to}) WHERE a <> b
  MATCH path = shortestPath((a)-[:CHAIRED|ATTENDED|ADOPTED|PROPOSED_BY|OFFICIAL_OF*..12]-(b))
  RETURN path, length(path) AS hops, [n IN nodes(path) | n.label] AS entities, [r IN relationships(path) | type(r)] AS facts
  ORDER BY hops LIMIT 1`;

/** The properties shortest-path keeps of a node on the path. */
const NAMING = ["key", "kind", "label", "aliases"];
const named = (node: PlainNode): PlainNode => ({ ...node, properties: Object.fromEntries(NAMING.filter((k) => k in node.properties).map((k) => [k, node.properties[k]!])) });

async function rows(cypher: string, params: Record<string, unknown>) {
  return (await runReadQuery(settings, cypher, params)).rows;
}

/** The saved query's rows and the plain form's, with the saved query's defaults under `params`. */
async function both(name: string, params: Record<string, unknown> = {}) {
  const query = savedQuery(name);
  const all = { ...query.params, ...params };
  return { saved: await rows(query.cypher, all), plain: await rows(PLAIN[name]!, all) };
}

/** Rows read by each operator of the saved query's profile whose description matches `pattern`, summed. */
async function rowsThrough(name: string, params: Record<string, unknown>, pattern: RegExp): Promise<number> {
  const query = savedQuery(name);
  const typed = Object.fromEntries(Object.entries({ ...query.params, ...params }).map(([k, v]) => [k, Number.isInteger(v) ? neo4j.int(v as number) : v]));
  const profile = await withSession(settings, "READ", async (session) => (await session.run(`PROFILE ${query.cypher}`, typed)).summary.profile);
  const walk = (op: ProfiledPlan): number =>
    (pattern.test(`${op.operatorType.replace(/@.*$/, "")} ${String(op.arguments.Details ?? "")}`) ? op.rows : 0) + op.children.reduce((sum, child) => sum + walk(child), 0);
  return profile ? walk(profile) : Number.NaN;
}

async function load(graph: SerializedKnowledgeGraph) {
  await loadGraph(settings, graph, writeGraphFile(graph), { wipe: true });
  await withSession(settings, "WRITE", (session) => session.run("CALL db.awaitIndexes(60)"));
}

const evidence = (quote: string, article: string) => ({ articles: [article], evidence: [{ article, sentence: 1, quote, start: 0, end: quote.length }], confidence: 0.9 });
const mentioned = (label: string, article: string) => ({ label, aliases: [], articles: [article], mentions: [{ article, sentence: 1, start: 0, end: label.length }] });
const A_ACC = "001_e970c5ff869cd3a7";

/**
 * The fixture plus an undated meeting Brunei chaired and that adopted a document, and a document
 * Phạm Bình Minh (an official of Việt Nam) proposed, adopted at two meetings; with `officials`
 * more officials of Việt Nam who proposed nothing.
 */
function branchingGraph(officials = 0): SerializedKnowledgeGraph {
  const graph = fixtureGraph();
  const node = (key: string, attributes: Record<string, unknown>) => graph.nodes.push({ key, attributes: attributes as never });
  const edge = (type: string, source: string, target: string, quote: string) =>
    graph.edges.push({ key: `${type}:${source}->${target}`, source, target, attributes: { type, label: type, ...evidence(quote, A_ACC) } as never });
  node("meeting:hoi-nghi-khong-ngay", { kind: "Meeting", ...mentioned("Hội nghị không ghi ngày", A_ACC) });
  node("document:sang-kien-y-te", { kind: "Document", docKind: "initiative", ...mentioned("Sáng kiến y tế khu vực", A_ACC) });
  edge("CHAIRED", "country:brunei", "meeting:hoi-nghi-khong-ngay", "Brunei chủ trì hội nghị");
  edge("ADOPTED", "meeting:hoi-nghi-khong-ngay", "document:sang-kien-y-te", "hội nghị thông qua sáng kiến y tế");
  edge("ADOPTED", "meeting:hoi-nghi-hoi-dong-dieu-phoi-asean-25", "document:sang-kien-y-te", "ACC 25 thông qua sáng kiến y tế");
  edge("PROPOSED_BY", "document:sang-kien-y-te", "official:pham-binh-minh", "sáng kiến của Phó Thủ tướng Phạm Bình Minh");
  for (let i = 0; i < officials; i++) {
    node(`official:can-bo-${i}`, { kind: "Official", titles: ["Vụ trưởng"], country: "country:viet-nam", ...mentioned(`Cán bộ ${i}`, A_ACC) });
    edge("OFFICIAL_OF", `official:can-bo-${i}`, "country:viet-nam", "Việt Nam");
  }
  return graph;
}

describe("rewritten saved queries give the plain form's rows, in its order", () => {
  describe("on the sample graph", () => {
    beforeAll(async () => {
      const { path, graph } = sampleGraph();
      await loadGraph(settings, graph, path, { wipe: true });
      await withSession(settings, "WRITE", (session) => session.run("CALL db.awaitIndexes(60)"));
    });

    it.each([
      ["chaired-meetings", {}],
      ["chaired-meetings", { limit: 2, skip: 1 }],
      ["chaired-meetings", { limit: 3, skip: 4 }],
      ["meeting-adoptions", {}],
      ["meeting-adoptions", { limit: 3, skip: 2 }],
      ["proposals-of-country", {}],
      ["proposals-of-country", { country: "Viet Nam", meetings: 1 }],
      ["proposals-of-country", { country: "country:viet-nam", meetings: 2 }],
    ])("%s %j", async (name, params) => {
      const { saved, plain } = await both(name, params);
      expect(plain.length).toBeGreaterThan(0);
      expect(saved).toEqual(plain);
    });

    it("shortest-path: the whole path's relationships, its nodes by key, kind, label and aliases, for connected pairs of every length", async () => {
      const query = savedQuery("shortest-path");
      const connected = (
        await rows(
          `MATCH (a), (b) WHERE a.key < b.key AND NOT a:Article AND NOT b:Article
           MATCH path = shortestPath((a)-[:CHAIRED|ATTENDED|ADOPTED|PROPOSED_BY|OFFICIAL_OF*..12]-(b))
           RETURN a.key AS from, b.key AS to, length(path) AS hops ORDER BY hops DESC, from, to`,
          {},
        )
      ).map((row) => ({ from: String(row.from), to: String(row.to), hops: Number(row.hops) }));
      expect(connected.length).toBeGreaterThan(30);
      // 12 pairs: the longest chains, then pairs spread over the rest (two queries each through the viewer's server)
      const pairs = connected.filter((_pair, i) => i < 4 || i % Math.ceil(connected.length / 8) === 0).map(({ from, to }) => ({ from, to }));
      // both ways, and two entities with no chain of facts between them (no row) and an entity with itself
      const isolated = await rows("MATCH (n:Organization) WHERE NOT (n)-[:CHAIRED|ATTENDED|ADOPTED|PROPOSED_BY|OFFICIAL_OF]-() RETURN n.key AS key LIMIT 1", {});
      expect(isolated).toHaveLength(1);
      const [first] = pairs as [{ from: string; to: string }];
      const cases = [...pairs, ...pairs.slice(0, 2).map(({ from, to }) => ({ from: to, to: from })), { from: String(isolated[0]!.key), to: first.from }, { from: first.from, to: first.from }];
      // through the viewer's server (rows and the subgraph it highlights) as well as the driver's rows
      const viewer = neo4jCypherConsole(settings);
      let longest = 0;
      for (const params of cases) {
        const saved = await viewer.run(query.cypher, params);
        const whole = await viewer.run(WHOLE_PATH, params);
        expect(saved.columns).toEqual(whole.columns);
        expect(saved.subgraph).toEqual(whole.subgraph);
        expect(saved.rows.length).toBe(whole.rows.length);
        const [row, wholeRow] = [saved.rows[0], whole.rows[0]];
        if (!row || !wholeRow) continue;
        const [path, wholePath] = [row.path as PlainPath, wholeRow.path as PlainPath];
        expect(path).toEqual({ ...wholePath, nodes: wholePath.nodes.map(named) });
        expect({ ...row, path: null }).toEqual({ ...wholeRow, path: null });
        expect(cellText(path as PlainValue)).toBe(cellText(wholePath as PlainValue));
        longest = Math.max(longest, Number(row.hops));
      }
      expect(cases.filter((params) => params.from !== params.to).length).toBeGreaterThanOrEqual(12);
      expect(longest).toBeGreaterThanOrEqual(3);
      await viewer.close();
    }, 180_000);
  });

  describe("on the sample graph without the loader's sortDate (as the Cypher or CSV export loads it)", () => {
    beforeAll(async () => {
      const { path, graph } = sampleGraph();
      await loadGraph(settings, graph, path, { wipe: true });
      await withSession(settings, "WRITE", (session) => session.run("MATCH (m:Meeting) REMOVE m.sortDate"));
    });

    it.each([
      ["chaired-meetings", {}],
      ["chaired-meetings", { limit: 3, skip: 4 }],
      ["meeting-adoptions", {}],
      ["meeting-adoptions", { limit: 3, skip: 2 }],
    ])("%s %j reads every meeting instead, with the same rows", async (name, params) => {
      const { saved, plain } = await both(name, params);
      expect(plain.length).toBeGreaterThan(0);
      expect(saved).toEqual(plain);
      expect(await rowsThrough(name, params, /^NodeByLabelScan/)).toBeGreaterThan(0);
    });
  });

  describe("on a fixture with an undated meeting and an official's proposal (Việt Nam: 3 officials, 3 proposals)", () => {
    beforeAll(() => load(branchingGraph()));

    it("lists the undated meeting's facts last, with no date", async () => {
      for (const name of ["chaired-meetings", "meeting-adoptions"]) {
        const { saved, plain } = await both(name);
        expect(saved).toEqual(plain);
        expect(saved.at(-1)).toMatchObject({ meeting: "Hội nghị không ghi ngày", date: null });
        const page = await both(name, { limit: 1, skip: saved.length - 1 });
        expect(page.saved).toEqual([saved.at(-1)]);
        // meetings come from the index, the label scan of a database without sortDate reads nothing
        expect(await rowsThrough(name, {}, /^NodeIndexScan RANGE INDEX m:Meeting\(sortDate\)/)).toBeGreaterThan(0);
        expect(await rowsThrough(name, {}, /^NodeByLabelScan/)).toBe(0);
      }
    });

    it("finds the official's proposal by expanding the country's officials", async () => {
      const { saved, plain } = await both("proposals-of-country", { country: "Việt Nam" });
      expect(saved).toEqual(plain);
      expect(saved).toContainEqual(
        expect.objectContaining({ proposal: "Sáng kiến y tế khu vực", proposedBy: "Phạm Bình Minh", adoptions: 2, adoptedAt: expect.arrayContaining(["Hội nghị không ghi ngày"]) }),
      );
      expect(await rowsThrough("proposals-of-country", { country: "Việt Nam" }, /OFFICIAL_OF\]-\(by\)/)).toBe(3);
      expect(await rowsThrough("proposals-of-country", { country: "Việt Nam" }, /RelationshipTypeScan/)).toBe(0);
    });
  });

  describe("on the same fixture with more officials of Việt Nam than there are proposals", () => {
    beforeAll(() => load(branchingGraph(4)));

    it("finds the official's proposal from the proposals instead, with the same rows", async () => {
      const { saved, plain } = await both("proposals-of-country", { country: "Việt Nam" });
      expect(saved).toEqual(plain);
      expect(saved.filter((row) => row.proposedBy === "Phạm Bình Minh")).toHaveLength(1);
      expect(await rowsThrough("proposals-of-country", { country: "Việt Nam" }, /OFFICIAL_OF\]-\(by\)/)).toBe(0);
      expect(await rowsThrough("proposals-of-country", { country: "Việt Nam" }, /RelationshipTypeScan/)).toBe(3);
    });
  });

  describe("on the fixture, where no official proposed anything", () => {
    beforeAll(() => load(fixtureGraph()));

    it("reads neither the officials nor the proposals for them", async () => {
      const { saved, plain } = await both("proposals-of-country", { country: "Việt Nam" });
      expect(saved).toEqual(plain);
      expect(saved.length).toBe(2);
      expect(await rowsThrough("proposals-of-country", { country: "Việt Nam" }, /OFFICIAL_OF\]-\(by\)/)).toBe(0);
      expect(await rowsThrough("proposals-of-country", { country: "Việt Nam" }, /RelationshipTypeScan/)).toBe(0);
    });
  });
});
