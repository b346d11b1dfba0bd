// A load killed halfway (the process gone after its first batches) and run again ends with
// exactly the contents of an uninterrupted load: batches are MERGEs, so a rerun converges.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { syntheticGraph } from "../../scripts/bench-load.ts";
import { closeDrivers, connectionSettings, loadGraph, withSession } from "../../src/neo4j/index.ts";
import { WIPE_STATEMENTS } from "../../src/neo4j/cypher.ts";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";
import { databaseContents, runCli, writeGraphFile } from "./neo4j-fixture.ts";

const settings = connectionSettings();

async function countAll(): Promise<number> {
  return withSession(settings, "READ", async (session) => {
    const result = await session.run("MATCH (n) WHERE NOT n:_DiplographLoad OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) + count(r) AS total");
    return result.records[0]!.get("total").toNumber();
  });
}

describe("an interrupted load", () => {
  afterAll(closeDrivers);

  it("converges to the same contents when run again", async () => {
    const graph = syntheticGraph({ relationships: 400, seed: 7 });
    const file = writeGraphFile(graph);
    await loadGraph(settings, graph, file, { wipe: true });
    const complete = await databaseContents(settings);
    const full = complete.nodes.length + complete.relationships.length;

    await withSession(settings, "WRITE", async (session) => {
      for (const statement of WIPE_STATEMENTS) await session.run(statement);
    });
    const child = spawn(process.execPath, [join(PROJECT_ROOT, "bin/diplograph.js"), "load", "--graph", file, "--batch-size", "5"], {
      cwd: PROJECT_ROOT,
      stdio: "ignore",
    });
    const exited = new Promise((done) => child.once("exit", done));
    // Kill it as soon as its first batches are committed.
    while ((await countAll()) === 0) {
      if (child.exitCode !== null) throw new Error(`the load exited (code ${child.exitCode}) before writing anything`);
      await sleep(20);
    }
    child.kill("SIGKILL");
    await exited;
    const partial = await countAll();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(full);

    const rerun = await runCli(["load", "--graph", file]);
    expect(rerun.code).toBe(0);
    expect(await databaseContents(settings)).toEqual(complete);
  });
});
