// The local Neo4j server's management lives in src/neo4j/local-server.ts (`diplograph load --bulk`
// stops and restarts it); this path is kept for the npm scripts and the test setup.
export * from "../../src/neo4j/local-server.ts";
