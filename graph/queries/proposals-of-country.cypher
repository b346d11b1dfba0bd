// What a country (default Việt Nam) or its officials proposed, and which meetings adopted it ($meetings of them at most; `adoptions` counts them all).
// @param country "Việt Nam"
// @param meetings 5
// The proposals are expanded from the country (a union of its own and its officials'): `WHERE by = c OR …` scanned every PROPOSED_BY.
// The meetings are the first found, not sorted: sorting read every adopting meeting of every proposal (hundreds each in a large graph).
// Officials' proposals, from whichever end is smaller (counts from the count store, decided before either is read): a country
// with more officials than there are PROPOSED_BY relationships in all (Việt Nam: 17,000 officials on the 10,000-article graph,
// each read to find it proposed nothing) has every PROPOSED_BY read instead, and none is read when no official proposed anything.
MATCH (c:Country)
WHERE c.key = $country OR c.names CONTAINS ('\u001f' + $country + '\u001f')
WITH c,
     COUNT { ()-[:PROPOSED_BY]->(:Official) } AS officialProposals,
     COUNT { (c)<-[:OFFICIAL_OF]-() } > COUNT { ()-[:PROPOSED_BY]->() } AS manyOfficials
WITH c, officialProposals > 0 AS officialsPropose, manyOfficials
CALL (c, officialsPropose, manyOfficials) {
  MATCH (proposal)-[p:PROPOSED_BY]->(c) RETURN proposal, p, c AS by
  UNION ALL
  WITH c WHERE officialsPropose AND NOT manyOfficials
  MATCH (proposal)-[p:PROPOSED_BY]->(by:Official)-[:OFFICIAL_OF]->(c) RETURN proposal, p, by
  UNION ALL
  WITH c WHERE officialsPropose AND manyOfficials
  CALL (c) {
    MATCH (proposal)-[p:PROPOSED_BY]->(by:Official)
    WHERE (by)-[:OFFICIAL_OF]->(c)
    RETURN proposal, p, by
  }
  RETURN proposal, p, by
}
RETURN proposal.label AS proposal,
       labels(proposal)[0] AS kind,
       by.label AS proposedBy,
       COLLECT { MATCH (m:Meeting)-[:ADOPTED]->(proposal) RETURN m.label LIMIT $meetings } AS adoptedAt,
       COUNT { ()-[:ADOPTED]->(proposal) } AS adoptions,
       p.evidenceQuotes[0] AS evidence
ORDER BY proposal
