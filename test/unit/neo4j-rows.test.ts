// graph.json → load plan and statements: property shapes, MENTIONED_IN from `articles`,
// named errors for a graph the contract does not allow, and the generated Cypher.
import { describe, expect, it } from "vitest";
import type { SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import { constraintStatement, identifier, mergeNodesStatement, mergeRelationshipsStatement } from "../../src/neo4j/cypher.ts";
import { UNDATED } from "../../src/neo4j/derived-properties.ts";
import { nodeProperties, planLoad, relationshipProperties } from "../../src/neo4j/rows.ts";

const article = (id: string) => ({
  key: `article:${id}`,
  attributes: { kind: "Article", label: id, aliases: [], articles: [], mentions: [], title: id, published: null, publisher: null, file: `${id}.txt`, sha256: "0", body: "" },
});
const node = (key: string, kind: string, articles: string[] = ["a1"], extra: object = {}) => ({
  key,
  attributes: { kind, label: key, aliases: [], articles, mentions: articles.map((a) => ({ article: a, sentence: 0, start: 0, end: 3 })), ...extra },
});
const edge = (type: string, source: string, target: string) => ({
  source,
  target,
  attributes: { type, articles: ["a1"], evidence: [{ article: "a1", sentence: 2, quote: "chủ trì", start: 5, end: 12 }], confidence: 0.9 },
});
const graphOf = (nodes: object[], edges: object[]) => ({ attributes: {}, options: {}, nodes, edges }) as unknown as SerializedKnowledgeGraph;

describe("planLoad", () => {
  const graph = graphOf(
    [article("a1"), article("a2"), node("country:brunei", "Country", ["a1", "a2"], { iso: "BN" }), node("meeting:jcm", "Meeting", ["a1"], { ordinal: 1, date: null })],
    [edge("CHAIRED", "country:brunei", "meeting:jcm")],
  );
  const plan = planLoad(graph, "g.json");

  it("counts nodes, edges and one MENTIONED_IN per (node, article)", () => {
    expect(plan.nodeCount).toBe(4);
    expect(plan.relationshipCount).toBe(1 + 3);
    const mentioned = plan.relationships.filter((g) => g.type === "MENTIONED_IN").flatMap((g) => g.rows.map((r) => `${r.source}>${r.target}`));
    expect(mentioned.sort()).toEqual(["country:brunei>article:a1", "country:brunei>article:a2", "meeting:jcm>article:a1"]);
  });

  it("counts each article's mentions for MENTIONED_IN, for a node named in many articles", () => {
    const ids = Array.from({ length: 50 }, (_, i) => `a${i}`);
    const mentions = ids.flatMap((a, i) => Array.from({ length: i % 4 }, (_, k) => ({ article: a, sentence: k, start: k, end: k + 1 })));
    const busy = { key: "country:viet-nam", attributes: { kind: "Country", label: "Việt Nam", aliases: [], articles: ids, mentions } };
    const rows = planLoad(graphOf([...ids.map(article), busy], []), "g.json").relationships.find((g) => g.type === "MENTIONED_IN")!.rows;
    expect(rows.map((r) => [r.target, Number(String(r.props.mentions))])).toEqual(ids.map((a, i) => [`article:${a}`, i % 4]));
  });

  it("stores whole numbers as integers, drops nulls, and lists as lists", () => {
    const meeting = plan.nodes.find((g) => g.label === "Meeting")!.rows[0]!.props;
    expect(String(meeting.ordinal)).toBe("1");
    expect(meeting.ordinal).toHaveProperty("low", 1);
    expect(meeting).not.toHaveProperty("date");
    expect(meeting.mentionArticles).toEqual(["a1"]);
  });

  it("stores evidence as parallel lists", () => {
    const props = relationshipProperties(edge("CHAIRED", "x", "y").attributes);
    expect(props.evidenceQuotes).toEqual(["chủ trì"]);
    expect(props.evidenceArticles).toEqual(["a1"]);
    expect((props.evidenceStarts as unknown[]).map(String)).toEqual(["5"]);
    expect((props.evidenceEnds as unknown[]).map(String)).toEqual(["12"]);
    // the lexicon row that read the fact, where one did
    expect(props).not.toHaveProperty("evidenceRules");
    const withRule = relationshipProperties({ ...edge("CHAIRED", "x", "y").attributes, evidence: [{ article: "a1", sentence: 0, quote: "chủ trì", start: 5, end: 12, rule: "chair.verb" }] });
    expect(withRule.evidenceRules).toEqual(["chair.verb"]);
    expect(props).not.toHaveProperty("type");
    expect(props).not.toHaveProperty("evidence");
  });

  it.each([
    ["a kind outside the contract", graphOf([node("place:ha-noi", "Place", [])], [])],
    ["a relationship type outside the contract", graphOf([article("a1"), node("c:x", "Country"), node("m:y", "Meeting")], [edge("HOSTED", "c:x", "m:y")])],
    ["an edge to a missing node", graphOf([article("a1"), node("c:x", "Country")], [edge("CHAIRED", "c:x", "m:missing")])],
    ["two edges of one type between the same nodes", graphOf([article("a1"), node("c:x", "Country"), node("m:y", "Meeting")], [edge("CHAIRED", "c:x", "m:y"), edge("CHAIRED", "c:x", "m:y")])],
    ["an article id with no Article node", graphOf([node("c:x", "Country", ["nowhere"])], [])],
    ["a node key used twice", graphOf([article("a1"), article("a1")], [])],
    ["something that is not a graph", { nodes: 3 } as unknown as SerializedKnowledgeGraph],
  ])("refuses %s with GraphFileError naming the file", (_what, bad) => {
    expect(() => planLoad(bad, "bad-graph.json")).toThrowError(expect.objectContaining({ name: "GraphFileError", message: expect.stringContaining("bad-graph.json") }));
  });
});

describe("a meeting's sortDate (the paged listings read meetings in this order from an index)", () => {
  const meeting = (extra: object) => nodeProperties("meeting:x", { kind: "Meeting", label: "x", aliases: [], articles: [], mentions: [], ...extra });

  it("is the date, else the start date, as coalesce(m.date, m.startDate) is", () => {
    expect(meeting({ date: "2021-06-17", startDate: "2020-01-01" }).sortDate).toBe("2021-06-17");
    expect(meeting({ date: null, startDate: "2020-11-12", endDate: "2020-11-15" }).sortDate).toBe("2020-11-12");
  });

  it("sorts an undated meeting after every date, as ORDER BY puts null last", () => {
    expect(meeting({}).sortDate).toBe(UNDATED);
    expect(meeting({ date: 2021 }).sortDate).toBe(UNDATED);
    expect(["0000-01-01", "2021-06-17", "9999-12-31", "2021"].every((date) => date < UNDATED)).toBe(true);
  });

  it("is written for meetings only", () => {
    expect(nodeProperties("country:x", { kind: "Country", label: "x", aliases: [], articles: [], mentions: [], date: "2021-01-01" })).not.toHaveProperty("sortDate");
  });
});

describe("generated Cypher", () => {
  it("uses parameters for values and the contract's labels for identifiers", () => {
    expect(constraintStatement("Meeting")).toMatchInlineSnapshot(
      `"CREATE CONSTRAINT diplograph_meeting_key IF NOT EXISTS FOR (n:\`Meeting\`) REQUIRE n.key IS UNIQUE"`,
    );
    expect(mergeNodesStatement("Country")).toMatchInlineSnapshot(`"UNWIND $rows AS row MERGE (n:\`Country\` {key: row.key}) SET n = row.props"`);
    expect(mergeRelationshipsStatement("CHAIRED", "Official", "Meeting")).toMatchInlineSnapshot(
      `"UNWIND $rows AS row MATCH (a:\`Official\` {key: row.source}) MATCH (b:\`Meeting\` {key: row.target}) MERGE (a)-[r:\`CHAIRED\`]->(b) SET r = row.props"`,
    );
  });

  it("refuses an identifier outside the contract", () => {
    expect(() => identifier("Person) DETACH DELETE (n" as "Country")).toThrow(RangeError);
  });
});
