// What a country (default Việt Nam) or its officials proposed, and which meetings adopted it.
// @param country "Việt Nam"
MATCH (c:Country)
WHERE c.key = $country OR c.names CONTAINS ('\u001f' + $country + '\u001f')
MATCH (proposal)-[p:PROPOSED_BY]->(by)
WHERE by = c OR (by:Official AND (by)-[:OFFICIAL_OF]->(c))
OPTIONAL MATCH (m:Meeting)-[:ADOPTED]->(proposal)
WITH proposal, by, p, collect(DISTINCT m.label) AS adoptedAt
RETURN proposal.label AS proposal,
       labels(proposal)[0] AS kind,
       by.label AS proposedBy,
       adoptedAt,
       p.evidenceQuotes[0] AS evidence
ORDER BY proposal
