// Connection settings: option, then environment variable, then the local server's default.
import { describe, expect, it } from "vitest";
import { parseParam } from "../../src/commands/query.ts";
import { connectionSettings } from "../../src/neo4j/settings.ts";

describe("connectionSettings", () => {
  it.each([
    ["defaults", {}, {}, { uri: "bolt://127.0.0.1:7687", user: "neo4j", password: "diplograph", database: "neo4j" }],
    [
      "the environment over defaults",
      {},
      { NEO4J_URI: "bolt://db:7687", NEO4J_USER: "u", NEO4J_PASSWORD: "p", NEO4J_DATABASE: "d" },
      { uri: "bolt://db:7687", user: "u", password: "p", database: "d" },
    ],
    [
      "options over the environment",
      { uri: "bolt://opt:1", password: "opt" },
      { NEO4J_URI: "bolt://env:2", NEO4J_PASSWORD: "env" },
      { uri: "bolt://opt:1", user: "neo4j", password: "opt", database: "neo4j" },
    ],
  ])("takes %s", (_what, overrides, env, expected) => {
    expect(connectionSettings(overrides, env)).toEqual(expected);
  });
});

describe("--param", () => {
  it.each([
    ["n=37", { n: 37 }],
    ['name="Phạm Bình Minh"', { name: "Phạm Bình Minh" }],
    ["name=Phạm Bình Minh", { name: "Phạm Bình Minh" }],
    ['keys=["a","b"]', { keys: ["a", "b"] }],
    ["expr=a=b", { expr: "a=b" }],
  ])("reads %s", (text, expected) => {
    expect(parseParam(text, {})).toEqual(expected);
  });

  it("refuses a value without a name with UsageError", () => {
    expect(() => parseParam("=3", {})).toThrowError(expect.objectContaining({ name: "UsageError" }));
  });
});
