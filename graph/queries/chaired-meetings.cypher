// Who chaired which meetings, with the sentence that says so: the first $limit facts in date order (from $skip); `allFacts` says how many there are in all.
// @param limit 200
// @param skip 0
// Meetings are read in date order from the range index on `sortDate` (date, else startDate, else "~": undated last,
// as null sorts), so the page stops after the meetings it needs instead of reading and sorting every meeting.
// A database whose meetings have no `sortDate` (loaded from the Cypher or CSV export) has them all read and sorted.
WITH COUNT { ()-[:CHAIRED]->() } AS allFacts,
     EXISTS { MATCH (m:Meeting) WHERE m.sortDate IS NOT NULL } AS indexed
CALL (indexed) {
  WITH indexed WHERE indexed
  MATCH (m:Meeting)
  WHERE m.sortDate IS NOT NULL AND EXISTS { (m)<-[:CHAIRED]-() }
  WITH m
  ORDER BY m.sortDate, m.label
  CALL (m) {
    MATCH (chair)-[r:CHAIRED]->(m)
    RETURN chair, r
  }
  WITH chair, r, m, m.sortDate AS day, m.label AS meeting, chair.label AS chairName
  ORDER BY day, meeting, chairName
  SKIP $skip LIMIT $limit
  RETURN chair, r, m, day, meeting, chairName
  UNION ALL
  WITH indexed WHERE NOT indexed
  CALL () {
    MATCH (m:Meeting)
    WHERE EXISTS { (m)<-[:CHAIRED]-() }
    WITH m, coalesce(m.date, m.startDate) AS day
    ORDER BY day, m.label
    CALL (m) {
      MATCH (chair)-[r:CHAIRED]->(m)
      RETURN chair, r
    }
    WITH chair, r, m, day, m.label AS meeting, chair.label AS chairName
    ORDER BY day, meeting, chairName
    SKIP $skip LIMIT $limit
    RETURN chair, r, m, day, meeting, chairName
  }
  RETURN chair, r, m, day, meeting, chairName
}
RETURN chairName AS chair,
       labels(chair)[0] AS chairKind,
       meeting,
       coalesce(m.date, m.startDate) AS date,
       r.evidenceQuotes[0] AS evidence,
       allFacts
ORDER BY day, meeting, chair
