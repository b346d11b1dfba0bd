// The lexical read-only check: what it refuses and what it lets through (the server's
// READ session is the second guard, tested in test/integration/neo4j-query.test.ts).
import { describe, expect, it } from "vitest";
import { checkReadOnly } from "../../src/neo4j/read-only.ts";

describe("checkReadOnly", () => {
  it.each([
    "CREATE (n:Country {key: 'x'})",
    "create (n)",
    "MATCH (a), (b) MERGE (a)-[:CHAIRED]->(b)",
    "MATCH (n) DELETE n",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) SET n.label = 'x'",
    "MATCH (n) SET n:Extra",
    "MATCH (n) REMOVE n.label",
    "LOAD CSV FROM 'https://example.org/x.csv' AS row RETURN row",
    "load   csv with headers from 'file:///x' as r return r",
    "CALL dbms.components()",
    "CALL dbms.security.createUser('m', 'p', false)",
    "CALL db.createLabel('X')",
    "CALL db.index.fulltext.createNodeIndex('i', ['A'], ['b'])",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})",
    "CALL db.clearQueryCaches",
    "SHOW USERS",
    "SHOW DATABASES",
    "DROP CONSTRAINT diplograph_country_key",
    "CREATE USER m SET PASSWORD 'p'",
    "GRANT ROLE admin TO m",
    "ALTER USER neo4j SET PASSWORD 'x'",
    "STOP DATABASE neo4j",
    "USE system MATCH (n) RETURN n",
    "MATCH (n) FOREACH (x IN [1] | SET n.y = x)",
    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS",
    "MATCH (n) /* just reading */ CREATE (m)",
    "MATCH (n) WHERE n.label = 'a' // comment\nDETACH DELETE n",
  ])("refuses %j", (cypher) => {
    expect(() => checkReadOnly(cypher)).toThrowError(expect.objectContaining({ name: "WriteQueryRefusedError" }));
  });

  it.each([
    "MATCH (n:Meeting) RETURN n.label ORDER BY n.date",
    "MATCH (n) WHERE n.label CONTAINS 'CREATE' RETURN n",
    'RETURN "MERGE DELETE SET" AS words',
    "MATCH (n) RETURN n.set, n.remove, n.create",
    "MATCH (n {`DELETE`: 1}) RETURN n",
    "// CREATE in a comment\nMATCH (n) RETURN count(n)",
    "CALL db.labels()",
    "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType",
    "CALL db.schema.visualization()",
    "MATCH (n) CALL (n) { MATCH (n)--(m) RETURN count(m) AS degree } RETURN n.key, degree",
    "MATCH (n) WHERE n.label STARTS WITH 'Hội nghị' RETURN n",
    "MATCH p = shortestPath((a {key: $a})-[*..6]-(b {key: $b})) RETURN p",
  ])("allows %j", (cypher) => {
    expect(() => checkReadOnly(cypher)).not.toThrow();
  });
});
