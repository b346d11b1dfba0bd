// The meetings two participants both attended (officials, or countries and organisations; chairing counts as attending).
// @param a "Nguyễn Quốc Dũng"
// @param b "Brunei"
// `USING JOIN ON m`: both sides' meetings are expanded and joined; without it the planner expanded b's meetings and
// checked each against a (Expand(Into) on a meeting's every relationship): 37,783 db hits on the 10,000-article graph, 1,595 now.
CALL () {
  MATCH (a:Official) WHERE a.key = $a OR a.names CONTAINS ('\u001f' + $a + '\u001f') RETURN a
  UNION
  MATCH (a:Country) WHERE a.key = $a OR a.names CONTAINS ('\u001f' + $a + '\u001f') RETURN a
  UNION
  MATCH (a:Organization) WHERE a.key = $a OR a.names CONTAINS ('\u001f' + $a + '\u001f') RETURN a
}
CALL () {
  MATCH (b:Official) WHERE b.key = $b OR b.names CONTAINS ('\u001f' + $b + '\u001f') RETURN b
  UNION
  MATCH (b:Country) WHERE b.key = $b OR b.names CONTAINS ('\u001f' + $b + '\u001f') RETURN b
  UNION
  MATCH (b:Organization) WHERE b.key = $b OR b.names CONTAINS ('\u001f' + $b + '\u001f') RETURN b
}
MATCH (a)-[ra:CHAIRED|ATTENDED]->(m:Meeting)<-[rb:CHAIRED|ATTENDED]-(b)
USING JOIN ON m
WHERE a <> b
RETURN DISTINCT m.label AS meeting,
       coalesce(m.date, m.startDate) AS date,
       a.label AS first,
       type(ra) AS firstRole,
       b.label AS second,
       type(rb) AS secondRole
ORDER BY date, meeting
