// The plan check's pure parts: the procedure named by a ProcedureCall's details, and the
// refusal of plans as Neo4j prints them (the whole guard runs against the real server in
// test/integration/read-only-guard.test.ts).
import { describe, expect, it } from "vitest";
import { procedureName, refusalReason } from "../../src/neo4j/plan-check.ts";
import type { PlanOperator } from "../../src/neo4j/plan-check.ts";

const op = (operatorType: string, details = "", children: PlanOperator[] = []): PlanOperator => ({
  operatorType,
  arguments: details ? { Details: details } : {},
  children,
});
const read = (plan: PlanOperator, nonBuiltInFunctions: string[] = []) =>
  refusalReason({ queryType: "r", database: "neo4j", plan }, { database: "neo4j", nonBuiltInFunctions });

describe("procedureName", () => {
  it.each([
    ["db.labels() :: (label :: STRING)", "db.labels"],
    ["dbms.listConfig() :: (name :: STRING)", "dbms.listConfig"],
    ["`dbms`.`listConfig`() :: (name :: STRING)", "dbms.listConfig"],
    ["dbms.killConnection($autostring_0) :: (connectionId :: STRING)", "dbms.killConnection"],
  ])("reads %j as %s", (details, name) => {
    expect(procedureName(details)).toBe(name);
  });
});

describe("refusalReason", () => {
  it("allows a plan of read operators and a schema reader", () => {
    expect(read(op("ProduceResults@neo4j", "label", [op("ProcedureCall@neo4j", "db.labels() :: (label :: STRING)")]))).toBeNull();
  });

  it.each([
    ["an operator it does not know", op("ProduceResults@neo4j", "", [op("FutureWriter@neo4j", "x")]), /FutureWriter/],
    ["a function of a plugin", op("ProduceResults@neo4j", "", [op("Projection@neo4j", "apoc.load.jsonArray($url) AS x")]), /apoc\.load\.jsonarray/],
    ["another database", op("ProduceResults@system", "", [op("AllNodesScan@system", "n")]), /database system/],
  ])("refuses %s", (_what, plan, message) => {
    expect(read(plan, ["apoc.load.jsonArray"])).toMatch(message);
  });
});
