// Who chaired which meetings, with the sentence that says so.
MATCH (chair)-[r:CHAIRED]->(m:Meeting)
RETURN chair.label AS chair,
       labels(chair)[0] AS chairKind,
       m.label AS meeting,
       coalesce(m.date, m.startDate) AS date,
       r.evidenceQuotes[0] AS evidence
ORDER BY date, meeting, chair
