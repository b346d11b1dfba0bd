// One official's timeline: the meetings they chaired or attended, in date order.
// @param name "Nguyễn Quốc Dũng"
// `names` holds the label and aliases between separators, under a text index: a seek, not a scan of every Official.
MATCH (o:Official)
WHERE o.key = $name OR o.names CONTAINS ('\u001f' + $name + '\u001f')
MATCH (o)-[r:CHAIRED|ATTENDED]->(m:Meeting)
RETURN o.label AS official,
       coalesce(m.date, m.startDate) AS date,
       type(r) AS role,
       m.label AS meeting,
       r.evidenceQuotes[0] AS evidence
ORDER BY date, meeting, role
