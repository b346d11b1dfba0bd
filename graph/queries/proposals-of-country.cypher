// What a country (default Việt Nam) or its officials proposed, and which meetings adopted it ($meetings of them at most; `adoptions` counts them all).
// @param country "Việt Nam"
// @param meetings 5
// The proposals are expanded from the country (a union of its own and its officials'): `WHERE by = c OR …` scanned every PROPOSED_BY.
// The meetings are the first found, not sorted: sorting read every adopting meeting of every proposal (hundreds each in a large graph).
MATCH (c:Country)
WHERE c.key = $country OR c.names CONTAINS ('\u001f' + $country + '\u001f')
CALL (c) {
  MATCH (proposal)-[p:PROPOSED_BY]->(c) RETURN proposal, p, c AS by
  UNION ALL
  MATCH (proposal)-[p:PROPOSED_BY]->(by:Official)-[:OFFICIAL_OF]->(c) RETURN proposal, p, by
}
RETURN proposal.label AS proposal,
       labels(proposal)[0] AS kind,
       by.label AS proposedBy,
       COLLECT { MATCH (m:Meeting)-[:ADOPTED]->(proposal) RETURN m.label LIMIT $meetings } AS adoptedAt,
       COUNT { ()-[:ADOPTED]->(proposal) } AS adoptions,
       p.evidenceQuotes[0] AS evidence
ORDER BY proposal
