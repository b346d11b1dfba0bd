// The saved queries that look an entity up by name seek it through an index (the key's
// uniqueness constraint, the text index on `names`): EXPLAIN against the real server shows no
// label scan and no scan of all nodes, and the lookups still find entities by label and alias.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDrivers, connectionSettings, listSavedQueries, loadGraph, runReadQuery, withSession } from "../../src/neo4j/index.ts";
import { fixtureGraph } from "./neo4j-fixture.ts";

const settings = connectionSettings();
const LOOKUPS = ["official-timeline", "proposals-of-country", "shared-meetings", "shortest-path"];
const SCANS = ["NodeByLabelScan", "AllNodesScan", "UnionNodeByLabelsScan"];

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}
const operators = (plan: PlanNode): string[] => [plan.operatorType.replace(/@.*$/, ""), ...plan.children.flatMap(operators)];

afterAll(closeDrivers);

describe("saved name lookups use indexes", () => {
  beforeAll(async () => {
    await loadGraph(settings, fixtureGraph(), "fixture.json", { wipe: true });
    await withSession(settings, "WRITE", (session) => session.run("CALL db.awaitIndexes(60)"));
  }, 120_000);

  it.each(LOOKUPS)("%s: EXPLAIN shows index seeks and no label scan", async (name) => {
    const query = listSavedQueries().find((q) => q.name === name)!;
    const plan = await withSession(settings, "READ", async (session) => (await session.run(`EXPLAIN ${query.cypher}`, query.params)).summary.plan);
    const ops = operators(plan as unknown as PlanNode);
    expect(ops.filter((op) => SCANS.includes(op))).toEqual([]);
    // a lookup expands from what it found, never from every relationship of a type
    expect(ops.filter((op) => /RelationshipTypeScan/.test(op))).toEqual([]);
    expect(ops.some((op) => /IndexSeek|IndexContainsScan/.test(op))).toBe(true);
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
