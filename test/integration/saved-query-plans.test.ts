// The saved queries that look an entity up by name seek it through an index (the key's
// uniqueness constraint, the text index on `names`): EXPLAIN against the real server shows no label
// scan and no scan of all nodes, and the lookups still find entities by label and alias. The paged
// listings read meetings in date order from the range index on `sortDate` (PROFILE: their label
// scan, for a database without sortDate, reads nothing).
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDrivers, connectionSettings, listSavedQueries, loadGraph, runReadQuery, withSession } from "../../src/neo4j/index.ts";
import { MEETING_ORDER_INDEX } from "../../src/neo4j/cypher.ts";
import { fixtureGraph } from "./neo4j-fixture.ts";

const settings = connectionSettings();
const LOOKUPS = ["official-timeline", "proposals-of-country", "shared-meetings", "shortest-path"];
const LISTINGS = ["chaired-meetings", "meeting-adoptions"];
const SCANS = ["NodeByLabelScan", "AllNodesScan", "UnionNodeByLabelsScan"];

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}
const operators = (plan: PlanNode): string[] => [plan.operatorType.replace(/@.*$/, ""), ...plan.children.flatMap(operators)];
interface ProfiledNode extends PlanNode {
  rows: number;
  children: ProfiledNode[];
}
/** Each operator as `Operator details` with the rows it produced. */
const profiled = (plan: ProfiledNode): Array<[string, number]> => [[`${plan.operatorType.replace(/@.*$/, "")} ${String(plan.arguments.Details ?? "")}`, plan.rows], ...plan.children.flatMap(profiled)];
const described = (plan: PlanNode): string[] => [`${plan.operatorType.replace(/@.*$/, "")} ${String(plan.arguments.Details ?? "")}`, ...plan.children.flatMap(described)];

async function explain(name: string): Promise<PlanNode> {
  const query = listSavedQueries().find((q) => q.name === name)!;
  return withSession(settings, "READ", async (session) => (await session.run(`EXPLAIN ${query.cypher}`, query.params)).summary.plan as unknown as PlanNode);
}

afterAll(closeDrivers);

describe("saved name lookups use indexes", () => {
  beforeAll(async () => {
    await loadGraph(settings, fixtureGraph(), "fixture.json", { wipe: true });
    await withSession(settings, "WRITE", (session) => session.run("CALL db.awaitIndexes(60)"));
  }, 120_000);

  it("covers every saved query", () => {
    expect([...LOOKUPS, ...LISTINGS].sort()).toEqual(listSavedQueries().map((q) => q.name).sort());
  });

  it.each(LOOKUPS)("%s: EXPLAIN shows index seeks and no label scan", async (name) => {
    const plan = await explain(name);
    const ops = operators(plan);
    expect(ops.filter((op) => SCANS.includes(op))).toEqual([]);
    // A lookup expands from what it found, never from every relationship of a type, but for the one
    // branch of proposals-of-country taken when the country has more officials than there are
    // PROPOSED_BY relationships in all (saved-query-results.test.ts checks when it reads anything).
    const typeScans = described(plan).filter((op) => /RelationshipTypeScan/.test(op));
    if (name === "proposals-of-country") expect(typeScans).toEqual([expect.stringMatching(/^DirectedRelationshipTypeScan \(proposal\)-\[p:PROPOSED_BY\]->\(by\)$/)]);
    else expect(typeScans).toEqual([]);
    expect(ops.some((op) => /IndexSeek|IndexContainsScan/.test(op))).toBe(true);
  });

  it.each(LISTINGS)("%s: reads meetings in date order from their index, not by label, and sorts no more than a page", async (name) => {
    const query = listSavedQueries().find((q) => q.name === name)!;
    const params = { ...query.params, limit: neo4j.int(2), skip: neo4j.int(0) };
    const profile = await withSession(settings, "READ", async (session) => (await session.run(`PROFILE ${query.cypher}`, params)).summary.profile);
    const rows = (pattern: RegExp) => profiled(profile as unknown as ProfiledNode).filter(([op]) => pattern.test(op)).map(([, n]) => n);
    // the fallback for a database without sortDate scans the label, and reads nothing here
    expect(rows(/^(NodeByLabelScan|AllNodesScan|UnionNodeByLabelsScan) /)).toEqual([0]);
    expect(rows(/^NodeIndexScan RANGE INDEX m:Meeting\(sortDate\)/).some((n) => n > 0)).toBe(true);
    expect(rows(/^PartialTop /).some((n) => n > 0)).toBe(true);
    expect(Math.max(...rows(/^Sort /))).toBeLessThanOrEqual(2);
    const indexes = await withSession(settings, "READ", async (session) => (await session.run("SHOW INDEXES YIELD name RETURN collect(name) AS names")).records[0]!.get("names") as string[]);
    expect(indexes).toContain(MEETING_ORDER_INDEX);
  });

  it("finds an entity by its key, its label and any alias, and not by part of a name", async () => {
    const query = listSavedQueries().find((q) => q.name === "proposals-of-country")!;
    const rows = async (country: string) => (await runReadQuery(settings, query.cypher, { ...query.params, country })).rows;
    const byLabel = await rows("Việt Nam");
    expect(byLabel.length).toBeGreaterThan(0);
    expect(await rows("Viet Nam")).toEqual(byLabel);
    expect(await rows("country:viet-nam")).toEqual(byLabel);
    expect(await rows("Việt")).toEqual([]);
  });
});
