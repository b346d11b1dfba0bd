// What each meeting adopted: meeting, date and the documents, with evidence: the first $limit facts in date order (from $skip); `allFacts` says how many there are in all.
// @param limit 200
// @param skip 0
MATCH (m:Meeting)
WHERE EXISTS { (m)-[:ADOPTED]->() }
WITH m, coalesce(m.date, m.startDate) AS date
ORDER BY date, m.label
CALL (m) {
  MATCH (m)-[r:ADOPTED]->(d:Document)
  RETURN d, r
}
WITH d, r, m, date
ORDER BY date, m.label, d.label
SKIP $skip LIMIT $limit
RETURN m.label AS meeting,
       date,
       d.label AS document,
       d.docKind AS docKind,
       r.evidenceQuotes[0] AS evidence,
       COUNT { ()-[:ADOPTED]->() } AS allFacts
