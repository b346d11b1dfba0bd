// Who chaired which meetings, with the sentence that says so: the first $limit facts in date order (from $skip); `allFacts` says how many there are in all.
// @param limit 200
// @param skip 0
MATCH (m:Meeting)
WHERE EXISTS { (m)<-[:CHAIRED]-() }
WITH m, coalesce(m.date, m.startDate) AS date
ORDER BY date, m.label
CALL (m) {
  MATCH (chair)-[r:CHAIRED]->(m)
  RETURN chair, r
}
WITH chair, r, m, date
ORDER BY date, m.label, chair.label
SKIP $skip LIMIT $limit
RETURN chair.label AS chair,
       labels(chair)[0] AS chairKind,
       m.label AS meeting,
       date,
       r.evidenceQuotes[0] AS evidence,
       COUNT { ()-[:CHAIRED]->() } AS allFacts
