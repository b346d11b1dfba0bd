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
RETURN path,
       length(path) AS hops,
       [n IN nodes(path) | n.label] AS entities,
       [r IN relationships(path) | type(r)] AS facts
ORDER BY hops
LIMIT 1
