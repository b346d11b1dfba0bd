// Named errors of export: tests and the command check `name`, never the wording.

/** A selection that cannot be applied: bad dates, a centre the filters exclude, an unknown kind. */
export class SelectionError extends Error {
  override name = "SelectionError";
}

/** A graph or option the chosen format cannot write faithfully (e.g. CSV array delimiter in the data). */
export class ExportFormatError extends Error {
  override name = "ExportFormatError";
}

/** A graph file that cannot be read or is not a graph export; the message names the file. */
export class GraphInputError extends Error {
  override name = "GraphInputError";
}
