// The meetings two officials both attended (chairing counts as attending).
// @param a "Phạm Bình Minh"
// @param b "Nguyễn Quốc Dũng"
MATCH (a:Official)
WHERE a.key = $a OR a.label = $a OR $a IN a.aliases
MATCH (b:Official)
WHERE b.key = $b OR b.label = $b OR $b IN b.aliases
MATCH (a)-[ra:CHAIRED|ATTENDED]->(m:Meeting)<-[rb:CHAIRED|ATTENDED]-(b)
WHERE a <> b
RETURN DISTINCT m.label AS meeting,
       coalesce(m.date, m.startDate) AS date,
       a.label AS first,
       type(ra) AS firstRole,
       b.label AS second,
       type(rb) AS secondRole
ORDER BY date, meeting
