// The incremental loader's planning, without a server: what differs between the state of the
// last load and graph.json now (catalog.ts), read from an object or line by line from the file
// the build writes (graph-stream.ts), and the state file's checks (load-state.ts).
import { mkdtempSync, readFileSync, renameSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { serializeGraph } from "../../src/graph/serialize.ts";
import type { KnowledgeGraph, SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import { catalogGraph, DamagedStateError, GraphScan } from "../../src/neo4j/catalog.ts";
import type { Catalog, LoadDiff, NodeEntry, RelationshipEntry } from "../../src/neo4j/catalog.ts";
import { scanGraphFile } from "../../src/neo4j/graph-stream.ts";
import { splitNodeLine } from "../../src/neo4j/kept-lists.ts";
import { MAX_INSERT_RUNS } from "../../src/neo4j/node-digests.ts";
import { readState, stateOf, writeState } from "../../src/neo4j/load-state.ts";
import type { LoadState } from "../../src/neo4j/load-state.ts";

type Node = SerializedKnowledgeGraph["nodes"][number];
type Edge = SerializedKnowledgeGraph["edges"][number];

const article = (id: string): Node => ({
  key: `article:${id}`,
  attributes: { kind: "Article", label: id, aliases: [], articles: [id], mentions: [], title: id, published: null, publisher: "P", file: `${id}.txt`, sha256: "0", body: `body ${id}`, x: 1, y: 2, size: 3, color: "#fff" },
} as unknown as Node);
const entity = (key: string, kind: string, articles: string[], extra: object = {}): Node => ({
  key,
  attributes: { kind, label: key, aliases: [], articles, mentions: articles.map((a) => ({ article: a, sentence: 1, start: 0, end: 3 })), x: 0, y: 0, size: 5, color: "#000", ...extra },
} as unknown as Node);
const fact = (type: string, source: string, target: string, articles: string[]): Edge => ({
  key: `${type}:${source}->${target}`,
  source,
  target,
  attributes: { type, label: type, articles, evidence: articles.map((a) => ({ article: a, sentence: 1, quote: "q", start: 0, end: 1 })), confidence: 0.9 },
} as unknown as Edge);
const graphOf = (nodes: Node[], edges: Edge[]) => ({ options: { type: "directed", multi: true, allowSelfLoops: true }, attributes: { name: "t" }, nodes, edges }) as unknown as SerializedKnowledgeGraph;

/** Two articles: Brunei in both, an official and a meeting in a1 only, the meeting's adoption in a2. */
function before(): SerializedKnowledgeGraph {
  return graphOf(
    [
      article("a1"),
      article("a2"),
      entity("country:brunei", "Country", ["a1", "a2"]),
      entity("official:x", "Official", ["a1"]),
      entity("meeting:m", "Meeting", ["a1", "a2"]),
      entity("document:d", "Document", ["a2"]),
    ],
    [fact("CHAIRED", "country:brunei", "meeting:m", ["a1"]), fact("ATTENDED", "official:x", "meeting:m", ["a1"]), fact("ADOPTED", "meeting:m", "document:d", ["a2"])],
  );
}

const state = (catalog: Catalog): LoadState => stateOf(catalog, { generation: "g", databaseId: "db", uri: "bolt://x", database: "neo4j", graph: "g.json" });

/** The diff as sorted identities, so that two diffs compare by what they name. */
function names(diff: LoadDiff) {
  const rel = (r: { type: string; source: string; target: string }) => `${r.type} ${r.source} ${r.target}`;
  return {
    nodeWrites: diff.nodeWrites.map((n) => n.key).sort(),
    nodeDeletes: diff.nodeDeletes.map((n) => `${n.label} ${n.key}`).sort(),
    relationshipWrites: diff.relationshipWrites.map(rel).sort(),
    relationshipDeletes: diff.relationshipDeletes.map(rel).sort(),
    moves: diff.moves.map((n) => n.key).sort(),
  };
}

function writeLines(graph: SerializedKnowledgeGraph): string {
  const path = join(mkdtempSync(join(tmpdir(), "catalog-")), "graph.json");
  writeFileSync(path, serializeGraph(MultiDirectedGraph.from(graph as never) as unknown as KnowledgeGraph));
  return path;
}

describe("the difference from the last load", () => {
  it("is empty for the same graph", () => {
    const diff = catalogGraph(before(), "g.json", state(catalogGraph(before(), "g.json"))).diff!;
    expect(names(diff)).toEqual({ nodeWrites: [], nodeDeletes: [], relationshipWrites: [], relationshipDeletes: [], moves: [] });
  });

  it("takes an article's facts and orphans with it; a node another article supports is rewritten, not deleted", () => {
    const after = graphOf(
      [article("a1"), entity("country:brunei", "Country", ["a1"]), entity("official:x", "Official", ["a1"]), entity("meeting:m", "Meeting", ["a1"])],
      [fact("CHAIRED", "country:brunei", "meeting:m", ["a1"]), fact("ATTENDED", "official:x", "meeting:m", ["a1"])],
    );
    const diff = catalogGraph(after, "g.json", state(catalogGraph(before(), "g.json"))).diff!;
    expect(names(diff)).toEqual({
      nodeWrites: ["country:brunei", "meeting:m"],
      nodeDeletes: ["Article article:a2", "Document document:d"],
      relationshipWrites: [],
      relationshipDeletes: [
        "ADOPTED meeting:m document:d",
        "MENTIONED_IN country:brunei article:a2",
        "MENTIONED_IN document:d article:a2",
        "MENTIONED_IN meeting:m article:a2",
      ],
      moves: [],
    });
  });

  it("writes a changed fact and a new one, and only moves a node whose layout alone changed", () => {
    const after = before();
    (after.edges[0]!.attributes as { confidence: number }).confidence = 0.95;
    after.edges.push(fact("ATTENDED", "country:brunei", "meeting:m", ["a2"]));
    (after.nodes[3]!.attributes as { x: number }).x = 42;
    const diff = catalogGraph(after, "g.json", state(catalogGraph(before(), "g.json"))).diff!;
    expect(names(diff)).toEqual({
      nodeWrites: [],
      nodeDeletes: [],
      relationshipWrites: ["ATTENDED country:brunei meeting:m", "CHAIRED country:brunei meeting:m"],
      relationshipDeletes: [],
      moves: ["official:x"],
    });
    expect(diff.moves[0]!.attributes).toEqual({ x: 42, y: 0, size: 5, color: "#000" });
  });

  it("deletes a node whose kind changed (and its relationships) and writes them again", () => {
    const after = before();
    (after.nodes[5]!.attributes as { kind: string }).kind = "Meeting";
    const diff = catalogGraph(after, "g.json", state(catalogGraph(before(), "g.json"))).diff!;
    expect(names(diff)).toMatchObject({
      nodeWrites: ["document:d"],
      nodeDeletes: ["Document document:d"],
      relationshipWrites: ["ADOPTED meeting:m document:d", "MENTIONED_IN document:d article:a2"],
      relationshipDeletes: ["ADOPTED meeting:m document:d", "MENTIONED_IN document:d article:a2"],
    });
    expect(diff.relationshipDeletes.find((r) => r.type === "ADOPTED")).toMatchObject({ targetLabel: "Document" });
    expect(diff.relationshipWrites.find((r) => r.type === "ADOPTED")).toMatchObject({ targetLabel: "Meeting" });
  });

  it("is the same read line by line from the build's layout (unchanged edge lines not parsed) as from the object", async () => {
    const after = before();
    after.nodes.splice(3, 1);
    after.edges.splice(1, 1);
    (after.edges[0]!.attributes as { confidence: number }).confidence = 0.5;
    const fromObjects = catalogGraph(after, "g.json", state(catalogGraph(before(), "g.json")));
    const fromLines = await scanGraphFile(writeLines(after), state(await scanGraphFile(writeLines(before()))));
    expect(names(fromLines.diff!)).toEqual(names(fromObjects.diff!));
    expect(names(fromLines.diff!).nodeDeletes).toEqual(["Official official:x"]);
    expect(fromLines.digests.relationships.types).toHaveLength(fromObjects.digests.relationships.types.length);
  });

  it("takes a node line unchanged since the last load from the state, unparsed, and still derives its MENTIONED_IN", async () => {
    const after = before();
    after.nodes.push(article("a3"));
    (after.nodes[2]!.attributes as { articles: string[] }).articles.push("a3"); // Brunei: in a3 too
    const previousScan = await scanGraphFile(writeLines(before()));
    const previous = state(previousScan);
    expect(previous.nodes.lineDigests.every((d) => d !== "")).toBe(true);
    const fromLines = await scanGraphFile(writeLines(after), previous);
    const fromObjects = catalogGraph(after, "g.json", state(catalogGraph(before(), "g.json")));
    expect(names(fromLines.diff!)).toEqual(names(fromObjects.diff!));
    expect(names(fromLines.diff!)).toMatchObject({ nodeWrites: ["article:a3", "country:brunei"], relationshipWrites: ["MENTIONED_IN country:brunei article:a3"] });
    // the unchanged lines were not parsed: every node but Brunei and a3 is taken from the state
    const scan = new GraphScan("g.json", previous);
    const unchanged = JSON.stringify(before().nodes[3]);
    expect(scan.addNodeLine(Buffer.from(unchanged))).toBeUndefined();
    expect(typeof scan.addNodeLine(Buffer.from(JSON.stringify(after.nodes[2])))).toBe("string");
    // digests of identity and contents are those a full parse gives
    const full = await scanGraphFile(writeLines(after));
    for (const column of ["keys", "labels", "digests", "layoutDigests"] as const) expect(fromLines.digests.nodes[column]).toEqual(full.digests.nodes[column]);
    expect(fromLines.digests.relationships).toEqual(full.digests.relationships);
  });

  it("parses a node line again when graph.json carried its MENTIONED_IN itself and no longer does", async () => {
    const withEdge = before();
    withEdge.edges.push({ key: "m", source: "official:x", target: "article:a1", attributes: { type: "MENTIONED_IN", mentions: 7 } } as unknown as Edge);
    const previous = state(await scanGraphFile(writeLines(withEdge)));
    expect(previous.nodes.lineDigests[previous.nodes.keys.indexOf("official:x")]).toBe("");
    const diff = (await scanGraphFile(writeLines(before()), previous)).diff!;
    // the derived MENTIONED_IN (mention count 1) replaces the carried one: written, not deleted
    expect(names(diff)).toMatchObject({ relationshipWrites: ["MENTIONED_IN official:x article:a1"], relationshipDeletes: [] });
  });

  it("appends to a long list that only grew, and rewrites one that changed", () => {
    const many = Array.from({ length: 300 }, (_, i) => `b${i}`);
    const big = (ids: string[]) => graphOf([...ids.map(article), entity("organization:asean", "Organization", ids), entity("country:brunei", "Country", ids.slice(0, 2))], []);
    const previous = state(catalogGraph(big(many), "g.json"));
    const grown = catalogGraph(big([...many, "b300", "b301"]), "g.json", previous).diff!;
    expect(grown.nodeWrites.find((n) => n.key === "organization:asean")!.appendFrom).toEqual({ articles: 300, mentions: 300 });
    expect(grown.nodeWrites.find((n) => n.key === "country:brunei")).toBeUndefined();
    // an old article gone: the old list is not in the new one, which is written whole
    const shrunk = catalogGraph(big([...many.slice(1), "b300"]), "g.json", previous).diff!;
    expect(shrunk.nodeWrites.find((n) => n.key === "organization:asean")!.appendFrom).toBeUndefined();
  });

  it("sends only new articles' items, and where they go, when their ids sort between the old ones", () => {
    const many = Array.from({ length: 300 }, (_, i) => `b${String(i).padStart(3, "0")}`);
    const big = (ids: string[]) => graphOf([...ids.map(article), entity("organization:asean", "Organization", ids)], []);
    const previous = state(catalogGraph(big(many), "g.json"));
    const grown = catalogGraph(big([...many, "b0505", "a"].sort()), "g.json", previous).diff!;
    const asean = grown.nodeWrites.find((n) => n.key === "organization:asean")!;
    expect(asean.appendFrom).toEqual({ articles: 300, mentions: 300 });
    // "a" before the 1st old item, "b0505" before the 52nd (b051)
    const runs = { at: [0, 51], from: [0, 1] };
    expect(asean.inserts).toEqual({ articles: runs, mentions: runs });
    expect(asean.attributes.articles).toEqual(["a", "b0505"]);
    expect((asean.attributes.mentions as Array<{ article: string }>).map((m) => m.article)).toEqual(["a", "b0505"]);
    // an old article's mention changed as well: the mentions are written whole, the articles still inserted into
    const changed = big([...many, "b0505"].sort());
    (changed.nodes.at(-1)!.attributes as { mentions: Array<{ sentence: number }> }).mentions[10]!.sentence = 9;
    const mixed = catalogGraph(changed, "g.json", previous).diff!.nodeWrites.find((n) => n.key === "organization:asean")!;
    expect([mixed.appendFrom, mixed.inserts]).toEqual([{ articles: 300 }, { articles: { at: [51], from: [0] } }]);
    expect([(mixed.attributes.articles as string[]).length, (mixed.attributes.mentions as unknown[]).length]).toEqual([1, 301]);
  });

  it("reads a long list with new articles' mentions between the old ones without parsing the old ones, as a full parse would", async () => {
    const many = Array.from({ length: 300 }, (_, i) => `b${String(i).padStart(3, "0")}`);
    const big = (ids: string[]) => graphOf([...ids.map(article), entity("organization:asean", "Organization", ids)], []);
    const grownIds = [...many, "b0505", "b0506", "a", "c"].sort();
    const previous = state(await scanGraphFile(writeLines(big(many))));
    const fromLines = await scanGraphFile(writeLines(big(grownIds)), previous);
    const fromObjects = catalogGraph(big(grownIds), "g.json", state(catalogGraph(big(many), "g.json")));
    const pick = (c: Catalog) => c.diff!.nodeWrites.find((n) => n.key === "organization:asean")!;
    const runs = { at: [0, 51, 300], from: [0, 1, 3] };
    expect(pick(fromLines)).toMatchObject({ appendFrom: { articles: 300, mentions: 300 }, inserts: { articles: runs, mentions: runs } });
    expect(pick(fromLines).attributes.mentions).toEqual(pick(fromObjects).attributes.mentions);
    expect(pick(fromLines).attributes.articles).toEqual(["a", "b0505", "b0506", "c"]);
    expect(fromLines.digests.nodes).toEqual((await scanGraphFile(writeLines(big(grownIds)))).digests.nodes);
    expect(fromLines.digests.relationships).toEqual(fromObjects.digests.relationships);
    // the line's old mentions were walked, not parsed: only the four new ones come out of it
    const line = Buffer.from(JSON.stringify(big(grownIds).nodes.at(-1)));
    const old = previous.nodes.listDigests[previous.nodes.keys.indexOf("organization:asean")]!;
    const split = splitNodeLine(line, old, (id) => !many.includes(id))!;
    expect([split.kept.count, (split.attributes.mentions as unknown[]).length, split.kept.articles.get("b051")]).toEqual([300, 4, 1]);
    // an old mention changed too: not the old list with insertions, so the line is parsed whole
    const changed = big(grownIds);
    (changed.nodes.at(-1)!.attributes as { mentions: Array<{ sentence: number }> }).mentions[10]!.sentence = 9;
    expect(splitNodeLine(Buffer.from(JSON.stringify(changed.nodes.at(-1))), old, (id) => !many.includes(id))).toBeUndefined();
    // more runs than an insertion may have: written whole
    const scattered = Array.from({ length: MAX_INSERT_RUNS + 1 }, (_, i) => `b${String(i).padStart(3, "0")}x`);
    const wide = big([...many, ...scattered].sort());
    expect(splitNodeLine(Buffer.from(JSON.stringify(wide.nodes.at(-1))), old, (id) => !many.includes(id))).toBeUndefined();
  });

  it("keeps the last load's MENTIONED_IN rows of a hub whose old mentions are kept, and counts again an old article that gained a mention", async () => {
    const many = Array.from({ length: 300 }, (_, i) => `b${String(i).padStart(3, "0")}`);
    const big = (ids: string[]) => graphOf([...ids.map(article), entity("organization:asean", "Organization", ids)], []);
    const previous = state(await scanGraphFile(writeLines(big(many))));
    const grown = big([...many, "b0505", "c"].sort());
    const diff = (await scanGraphFile(writeLines(grown), previous)).diff!;
    expect(names(diff).relationshipWrites).toEqual(["MENTIONED_IN organization:asean article:b0505", "MENTIONED_IN organization:asean article:c"]);
    // b299 named once more, after its mention: the old mentions are still at the head, but b299's count is 2 now
    const more = big([...many, "c"]);
    const mentions = (more.nodes.at(-1)!.attributes as { mentions: Array<{ article: string; sentence: number }> }).mentions;
    mentions.splice(300, 0, { ...mentions[299]!, sentence: 2 });
    const fromLines = await scanGraphFile(writeLines(more), previous);
    expect(names(fromLines.diff!).relationshipWrites).toEqual(["MENTIONED_IN organization:asean article:b299", "MENTIONED_IN organization:asean article:c"]);
    expect(fromLines.digests.relationships).toEqual(catalogGraph(more, "g.json").digests.relationships);
  });

  it("refuses a second edge of one identity, read line by line too", async () => {
    const bad = before();
    bad.edges.push({ ...bad.edges[0]!, key: "again" });
    expect(() => catalogGraph(bad, "bad.json")).toThrowError(expect.objectContaining({ name: "GraphFileError", message: expect.stringContaining("a second CHAIRED edge") }));
    const path = join(mkdtempSync(join(tmpdir(), "catalog-")), "graph.json");
    writeFileSync(path, serializeGraph(MultiDirectedGraph.from(before() as never) as unknown as KnowledgeGraph).replace('"edges":[\n', `"edges":[\n${JSON.stringify(bad.edges[0])},\n`));
    const previous = state(await scanGraphFile(writeLines(before())));
    await expect(scanGraphFile(path, previous)).rejects.toMatchObject({ name: "GraphFileError", message: expect.stringContaining("a second CHAIRED edge") });
  });
});

describe("the state file", () => {
  it("round-trips and refuses what is not a state of this loader", async () => {
    const dir = mkdtempSync(join(tmpdir(), "state-"));
    const written = state(catalogGraph(before(), "g.json"));
    await writeState(join(dir, "s.json"), written);
    expect(await readState(join(dir, "s.json"))).toEqual(written);
    expect(await readState(join(dir, "none.json"))).toEqual({ missing: "no state of an earlier load" });
    writeFileSync(join(dir, "bad.json"), "{");
    expect(await readState(join(dir, "bad.json"))).toEqual({ missing: "the state file is not valid JSON" });
    writeFileSync(join(dir, "old.json"), JSON.stringify({ ...written, shape: 0 }));
    expect(await readState(join(dir, "old.json"))).toHaveProperty("missing", expect.stringContaining("another version"));
    writeFileSync(join(dir, "cut.json"), JSON.stringify({ ...written, relationships: { ...written.relationships, sources: [0] } }));
    expect(await readState(join(dir, "cut.json"))).toEqual({ missing: "the state file is damaged" });
  });

  it("naming a relationship twice is found when it is used", () => {
    const written = state(catalogGraph(before(), "g.json"));
    const r = written.relationships;
    const twice = { ...written, relationships: { types: [...r.types, r.types[0]!], sources: [...r.sources, r.sources[0]!], targets: [...r.targets, r.targets[0]!], digests: [...r.digests, "x"] } };
    expect(() => catalogGraph(before(), "g.json", twice)).toThrow(DamagedStateError);
  });
});

describe("a first load read from graph.json's lines", () => {
  const plain = (entry: NodeEntry | RelationshipEntry) =>
    "key" in entry ? { key: entry.key, label: entry.label, attributes: entry.attributes } : { ...Object.fromEntries(["type", "source", "target", "sourceLabel", "targetLabel", "derived"].map((k) => [k, entry[k as keyof RelationshipEntry]])), attributes: entry.attributes };

  it("keeps where each row's line is, not its attributes, and reads them back the same", async () => {
    const path = writeLines(before());
    const fromLines = await scanGraphFile(path);
    const fromObjects = catalogGraph(before(), "g.json");
    expect(fromLines.lines).toBeDefined();
    // no parsed attributes held: the entries are small objects that read their line when asked
    for (const entry of [...fromLines.nodes, ...fromLines.relationships.filter((r) => !r.derived)]) expect(Object.keys(entry)).not.toContain("attributes");
    expect(fromLines.nodes.map(plain)).toEqual(fromObjects.nodes.map(plain));
    expect(fromLines.relationships.map(plain)).toEqual(fromObjects.relationships.map(plain));
    fromLines.lines!.close();
    expect(() => fromLines.nodes[0]!.attributes).toThrow(/closed before its rows were written/);
  });

  it("reads the file it scanned even when a new graph.json is renamed over it", async () => {
    const path = writeLines(before());
    const catalog = await scanGraphFile(path);
    const after = before();
    (after.nodes[2]!.attributes as { label: string }).label = "Brunei Darussalam";
    renameSync(writeLines(after), path);
    expect(catalog.nodes.find((n) => n.key === "country:brunei")!.attributes.label).toBe("country:brunei");
    catalog.lines!.close();
  });

  it("keeps the rows of an incremental load that changed whole, as lines too", async () => {
    const after = before();
    after.nodes.push(article("a3"));
    const catalog = await scanGraphFile(writeLines(after), state(await scanGraphFile(writeLines(before()))));
    const added = catalog.diff!.nodeWrites.find((n) => n.key === "article:a3")!;
    expect(Object.keys(added)).not.toContain("attributes");
    expect(added.attributes.body).toBe("body a3");
    catalog.lines!.close();
  });

  it("reads a graph.json the line reader gives up on halfway (two nodes on one line) through the whole-file reader", async () => {
    // the line reader stopped early; the descriptor it had must not be closed under the fallback's file
    for (let i = 0; i < 3; i++) {
      const path = writeLines(before());
      writeFileSync(path, readFileSync(path, "utf8").replace('"}},\n{"key":"article:a2"', '"}},{"key":"article:a2"'));
      const catalog = await scanGraphFile(path);
      expect([catalog.nodes.length, catalog.relationships.filter((r) => !r.derived).length, catalog.lines]).toEqual([6, 3, undefined]);
    }
  });

  it("reads the build's layout of a graph without edges line by line (the last node line closes the file)", async () => {
    const catalog = await scanGraphFile(writeLines(graphOf(before().nodes, [])));
    expect([catalog.nodes.length, catalog.relationships.length, catalog.lines !== undefined]).toEqual([6, 6, true]);
    expect(catalog.nodes.find((n) => n.key === "country:brunei")!.attributes.label).toBe("country:brunei");
    catalog.lines!.close();
  });

  it("says so in one line when the file was cut after it was scanned", async () => {
    const path = writeLines(before());
    const catalog = await scanGraphFile(path);
    truncateSync(path, 10);
    expect(() => catalog.relationships.find((r) => !r.derived)!.attributes).toThrow(/changed while it was being loaded/);
    catalog.lines!.close();
  });
});
