// What each meeting adopted: meeting, date and the documents, with evidence: the first $limit facts in date order (from $skip); `allFacts` says how many there are in all.
// @param limit 200
// @param skip 0
// Meetings in date order from the range index on `sortDate`, as in chaired-meetings.cypher.
WITH COUNT { ()-[:ADOPTED]->() } AS allFacts
MATCH (m:Meeting)
WHERE m.sortDate IS NOT NULL AND EXISTS { (m)-[:ADOPTED]->() }
WITH m, allFacts
ORDER BY m.sortDate, m.label
CALL (m) {
  MATCH (m)-[r:ADOPTED]->(d:Document)
  RETURN d, r
}
WITH d, r, m, allFacts
ORDER BY m.sortDate, m.label, d.label
SKIP $skip LIMIT $limit
RETURN m.label AS meeting,
       coalesce(m.date, m.startDate) AS date,
       d.label AS document,
       d.docKind AS docKind,
       r.evidenceQuotes[0] AS evidence,
       allFacts
