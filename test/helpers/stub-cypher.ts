// A Cypher console that answers without Neo4j, for browser tests of how the viewer shows
// an answer (the real console against the real Neo4j is tested in viewer-cypher.test.ts).
import type { CypherConsole, CypherResult } from "../../src/server/types.ts";

export function stubCypherConsole(answer: CypherResult): CypherConsole & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    status: async () => ({ configured: true, reachable: true, uri: "bolt://stub" }),
    run: async (query) => {
      queries.push(query);
      return answer;
    },
    close: async () => {},
  };
}
