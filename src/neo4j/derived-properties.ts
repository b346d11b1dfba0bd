// The properties the loader adds to a node for its indexes, derived from the node's own
// attributes (so every path that writes a node — online, incremental, --bulk — writes them the
// same way): `names` for the text index the name lookups use, a meeting's `sortDate` for the
// range index the paged listings read in date order. They are not attributes of graph.json:
// an export of a query's result leaves them out. No driver here, so exporters can import it.

/** Between the names of `names`: a control character no normalised name contains. */
export const NAME_SEPARATOR = "\u001f";

/**
 * Every name of an entity (label and aliases) in one string, each between separators, for the
 * text index: `n.names CONTAINS ('\u001f' + $name + '\u001f')` finds a node by any of its names
 * with an index scan, where `$name IN n.aliases` scans every node of the label (no Neo4j index
 * serves membership in a list).
 */
export function namesProperty(attributes: Record<string, unknown>): string | undefined {
  if (attributes.kind === "Article") return undefined;
  const names = [attributes.label, ...(Array.isArray(attributes.aliases) ? attributes.aliases : [])].filter((n): n is string => typeof n === "string" && n !== "");
  return names.length > 0 ? `${NAME_SEPARATOR}${names.join(NAME_SEPARATOR)}${NAME_SEPARATOR}` : undefined;
}

/** Properties the loader derives for its indexes (namesProperty, sortDateProperty): not attributes of graph.json. */
export const DERIVED_NODE_PROPERTIES = ["names", "sortDate"] as const;

/** After every ISO date (they begin with a digit): what `sortDate` holds for a meeting with no date. */
export const UNDATED = "~";

/**
 * A meeting's place in date order: `date`, else `startDate` (as `coalesce(m.date, m.startDate)`),
 * else UNDATED, which sorts after every date as null does in ORDER BY. The saved listings read
 * meetings in this order from a range index (cypher.ts meetingOrderIndexStatement) and stop after
 * their page; an expression like coalesce() cannot be indexed, and a range index holds no null.
 * A date that is not text (outside the contract) counts as none.
 */
export function sortDateProperty(attributes: Record<string, unknown>): string | undefined {
  if (attributes.kind !== "Meeting") return undefined;
  const date = attributes.date ?? attributes.startDate;
  return typeof date === "string" ? date : UNDATED;
}
