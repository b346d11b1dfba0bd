// The shortest chain of facts between two entities (articles left out), named by label, alias or key.
// @param from "Brunei"
// @param to "Nguyễn Quốc Dũng"
CALL () {
  MATCH (a:Country) WHERE a.key = $from OR a.names CONTAINS ('\u001f' + $from + '\u001f') RETURN a
  UNION
  MATCH (a:Organization) WHERE a.key = $from OR a.names CONTAINS ('\u001f' + $from + '\u001f') RETURN a
  UNION
  MATCH (a:Official) WHERE a.key = $from OR a.names CONTAINS ('\u001f' + $from + '\u001f') RETURN a
  UNION
  MATCH (a:Meeting) WHERE a.key = $from OR a.names CONTAINS ('\u001f' + $from + '\u001f') RETURN a
  UNION
  MATCH (a:Document) WHERE a.key = $from OR a.names CONTAINS ('\u001f' + $from + '\u001f') RETURN a
}
CALL () {
  MATCH (b:Country) WHERE b.key = $to OR b.names CONTAINS ('\u001f' + $to + '\u001f') RETURN b
  UNION
  MATCH (b:Organization) WHERE b.key = $to OR b.names CONTAINS ('\u001f' + $to + '\u001f') RETURN b
  UNION
  MATCH (b:Official) WHERE b.key = $to OR b.names CONTAINS ('\u001f' + $to + '\u001f') RETURN b
  UNION
  MATCH (b:Meeting) WHERE b.key = $to OR b.names CONTAINS ('\u001f' + $to + '\u001f') RETURN b
  UNION
  MATCH (b:Document) WHERE b.key = $to OR b.names CONTAINS ('\u001f' + $to + '\u001f') RETURN b
}
WITH a, b WHERE a <> b
MATCH path = shortestPath((a)-[:CHAIRED|ATTENDED|ADOPTED|PROPOSED_BY|OFFICIAL_OF*..12]-(b))
WITH path ORDER BY length(path) LIMIT 1
// The path in the form the driver's paths take once made plain (src/neo4j/values.ts: `$type`, elementIds), so the
// CLI's table and CSV, the viewer's table and highlight and the exporters read it as they read a path; but its nodes
// carry what names them (key, kind, label, aliases), not every property: a hub's lists of mentions and articles
// made one row 1.1 MB (Philippines on the 10,000-article graph), most of the query's time. The relationships are
// whole: their evidence is what the path says.
RETURN {`$type`: "path",
        nodes: [n IN nodes(path) | {`$type`: "node", elementId: elementId(n), labels: labels(n), properties: n {.key, .kind, .label, .aliases}}],
        relationships: relationships(path)} AS path,
       length(path) AS hops,
       [n IN nodes(path) | n.label] AS entities,
       [r IN relationships(path) | type(r)] AS facts
