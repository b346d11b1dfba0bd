// What each meeting adopted: meeting, date and the documents, with evidence: the first $limit facts in date order (from $skip); `allFacts` says how many there are in all.
// @param limit 200
// @param skip 0
// Meetings in date order from the range index on `sortDate`, as in chaired-meetings.cypher (and, on a database
// without `sortDate`, all read and sorted).
WITH COUNT { ()-[:ADOPTED]->() } AS allFacts,
     EXISTS { MATCH (m:Meeting) WHERE m.sortDate IS NOT NULL } AS indexed
CALL (indexed) {
  WITH indexed WHERE indexed
  MATCH (m:Meeting)
  WHERE m.sortDate IS NOT NULL AND EXISTS { (m)-[:ADOPTED]->() }
  WITH m
  ORDER BY m.sortDate, m.label
  CALL (m) {
    MATCH (m)-[r:ADOPTED]->(d:Document)
    RETURN d, r
  }
  WITH d, r, m, m.sortDate AS day, m.label AS meeting, d.label AS document
  ORDER BY day, meeting, document
  SKIP $skip LIMIT $limit
  RETURN d, r, m, day, meeting, document
  UNION ALL
  WITH indexed WHERE NOT indexed
  CALL () {
    MATCH (m:Meeting)
    WHERE EXISTS { (m)-[:ADOPTED]->() }
    WITH m, coalesce(m.date, m.startDate) AS day
    ORDER BY day, m.label
    CALL (m) {
      MATCH (m)-[r:ADOPTED]->(d:Document)
      RETURN d, r
    }
    WITH d, r, m, day, m.label AS meeting, d.label AS document
    ORDER BY day, meeting, document
    SKIP $skip LIMIT $limit
    RETURN d, r, m, day, meeting, document
  }
  RETURN d, r, m, day, meeting, document
}
RETURN meeting,
       coalesce(m.date, m.startDate) AS date,
       document,
       d.docKind AS docKind,
       r.evidenceQuotes[0] AS evidence,
       allFacts
ORDER BY day, meeting, document
