// One official's timeline: the meetings they chaired or attended, in date order.
// @param name "Nguyễn Quốc Dũng"
MATCH (o:Official)
WHERE o.key = $name OR o.label = $name OR $name IN o.aliases
MATCH (o)-[r:CHAIRED|ATTENDED]->(m:Meeting)
RETURN o.label AS official,
       coalesce(m.date, m.startDate) AS date,
       type(r) AS role,
       m.label AS meeting,
       r.evidenceQuotes[0] AS evidence
ORDER BY date, meeting, role
