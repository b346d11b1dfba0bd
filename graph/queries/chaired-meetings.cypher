// Who chaired which meetings, with the sentence that says so: the first $limit facts in date order (from $skip); `allFacts` says how many there are in all.
// @param limit 200
// @param skip 0
// Meetings are read in date order from the range index on `sortDate` (date, else startDate, else "~": undated last,
// as null sorts), so the page stops after the meetings it needs instead of reading and sorting every meeting.
WITH COUNT { ()-[:CHAIRED]->() } AS allFacts
MATCH (m:Meeting)
WHERE m.sortDate IS NOT NULL AND EXISTS { (m)<-[:CHAIRED]-() }
WITH m, allFacts
ORDER BY m.sortDate, m.label
CALL (m) {
  MATCH (chair)-[r:CHAIRED]->(m)
  RETURN chair, r
}
WITH chair, r, m, allFacts
ORDER BY m.sortDate, m.label, chair.label
SKIP $skip LIMIT $limit
RETURN chair.label AS chair,
       labels(chair)[0] AS chairKind,
       m.label AS meeting,
       coalesce(m.date, m.startDate) AS date,
       r.evidenceQuotes[0] AS evidence,
       allFacts
