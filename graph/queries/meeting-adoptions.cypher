// What each meeting adopted: meeting, date and the documents, with evidence.
MATCH (m:Meeting)-[r:ADOPTED]->(d:Document)
RETURN m.label AS meeting,
       coalesce(m.date, m.startDate) AS date,
       d.label AS document,
       d.docKind AS docKind,
       r.evidenceQuotes[0] AS evidence
ORDER BY date, meeting, document
