// The meetings two participants both attended (officials, or countries and organisations; chairing counts as attending).
// @param a "Nguyễn Quốc Dũng"
// @param b "Brunei"
MATCH (a)
WHERE (a:Official OR a:Country OR a:Organization) AND (a.key = $a OR a.label = $a OR $a IN a.aliases)
MATCH (b)
WHERE (b:Official OR b:Country OR b:Organization) AND (b.key = $b OR b.label = $b OR $b IN b.aliases)
MATCH (a)-[ra:CHAIRED|ATTENDED]->(m:Meeting)<-[rb:CHAIRED|ATTENDED]-(b)
WHERE a <> b
RETURN DISTINCT m.label AS meeting,
       coalesce(m.date, m.startDate) AS date,
       a.label AS first,
       type(ra) AS firstRole,
       b.label AS second,
       type(rb) AS secondRole
ORDER BY date, meeting
