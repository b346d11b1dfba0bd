// The local server (scripts/neo4j, as `npm run neo4j:start` and the tests run it) is configured for
// one developer's machine: what it keeps on disk does not grow with every load.
import { afterAll, describe, expect, it } from "vitest";
import { closeDrivers, connectionSettings, withSession } from "../../src/neo4j/index.ts";

const settings = connectionSettings();

async function setting(name: string): Promise<string> {
  return withSession(settings, "READ", async (session) => {
    const result = await session.run("SHOW SETTINGS YIELD name, value WHERE name = $name RETURN value", { name });
    return String(result.records[0]?.get("value"));
  });
}

describe("the local server's settings", () => {
  afterAll(closeDrivers);

  it("keeps two transaction log files, not Neo4j's default of two days (a full load writes hundreds of MB)", async () => {
    expect(await setting("db.tx_log.rotation.retention_policy")).toBe("2 files");
  });
});
