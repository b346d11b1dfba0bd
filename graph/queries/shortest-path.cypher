// The shortest chain of facts between two entities (articles left out), named by label, alias or key.
// @param from "Brunei"
// @param to "Nguyễn Quốc Dũng"
MATCH (a)
WHERE (a.key = $from OR a.label = $from OR $from IN a.aliases) AND NOT a:Article
MATCH (b)
WHERE (b.key = $to OR b.label = $to OR $to IN b.aliases) AND NOT b:Article AND a <> b
MATCH path = shortestPath((a)-[:CHAIRED|ATTENDED|ADOPTED|PROPOSED_BY|OFFICIAL_OF*..12]-(b))
RETURN path,
       length(path) AS hops,
       [n IN nodes(path) | n.label] AS entities,
       [r IN relationships(path) | type(r)] AS facts
ORDER BY hops
LIMIT 1
