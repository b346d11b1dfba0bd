// Export: a piece of the graph to Gephi, Neo4j, spreadsheets or a colleague. The public
// surface of src/export/, browser-safe (no Node imports; files are written by write-file.ts).
//
// Selecting
//   selectSubgraph(graph: KnowledgeGraph, selection: Selection = {}) → KnowledgeGraph (a new graph)
//     Selection {around?: {name, depth = 1}, kinds?, relations?, articles?, from?, to?, mentionLinks = true};
//     all optional, combined with AND:
//     1. Unless mentionLinks is false, MENTIONED_IN edges are made explicit: node → `article:<id>` for every id in the node's
//        `articles` whose Article node exists (evidence = the node's mentions in that article).
//     2. Filters. kinds: nodes of those kinds (default all six). relations: edges of those types
//        (default all, MENTIONED_IN included). articles: nodes whose `articles` include one of the
//        ids (an Article node counts as its own article) and edges whose `articles` do.
//        An edge stays only when both its ends stay.
//     3. Regions, each narrowing the node set:
//        from/to (ISO `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` meaning the whole month/year, inclusive,
//        either may be omitted): every Meeting whose days [startDate|date, endDate|date] overlap
//        the range, plus every node one kept edge away from such a meeting (chairs, attendees,
//        adopted documents, proposers, the articles that mention it). Undated meetings are out.
//        around: the node `name` means (NameIndex.resolve below; a node key works too) and every
//        node within `depth` kept edges, either direction. Article nodes are reached but not
//        walked through (else "near X" would become "in the same article as X").
//     4. The result is the subgraph the remaining nodes induce (every kept edge between them),
//        nodes and edges in the original order, the graph's attributes copied.
//     Errors: SelectionError (unknown kind/relation, bad date, centre excluded by the filters),
//     UnknownNameError / AmbiguousNameError from src/graph/search.ts (with `.closest` / `.candidates`).
//
// Writing (pure: graph in, text out)
//   formatGraph(graph, "gexf" | "graphml" | "json" | "cypher") → string
//   formatCsv(graph, {arrayDelimiter?, neo4jAdmin?}) → {nodes, relationships, arrayDelimiter}; text cells starting
//     with = + - @ tab CR get a leading ' (spreadsheet formula guard) unless neo4jAdmin (guardFormula/unguardFormula)
//   renderFiles(graph, format) → [{suffix, mime, text}] (CSV: "-nodes.csv" and "-relationships.csv")
//   EXPORT_FORMATS, MIME_TYPES, EXTENSIONS
//   The property shape of every format but JSON (docs/export.md): the node key as `key`, every
//   attribute, `mentions` as parallel lists mentionArticles/Sentences/Starts/Ends, edge `evidence`
//   as evidenceArticles/Sentences/Quotes/Starts/Ends, nulls left out: what `diplograph load` writes.
//
// From Neo4j
//   graphFromSubgraph(toSubgraph(rows), graphAttributes) → KnowledgeGraph (for `--cypher`).
//
// The viewer: exportView = renderFiles(selectSubgraph(graph, selection) or its own filtered copy, format).
export { selectSubgraph } from "./select.ts";
export { withMentionLinks } from "./mention-links.ts";
export { heldWithin, meetingDays, rangeBound } from "./dates.ts";
export { csvFiles, EXTENSIONS, formatGraph, MIME_TYPES, renderFiles } from "./format.ts";
export type { SingleFileFormat } from "./format.ts";
export { ARRAY_DELIMITERS, formatCsv } from "./csv.ts";
export type { CsvExport, CsvOptions } from "./csv.ts";
export { guardFormula, unguardFormula } from "./csv-formula.ts";
export { formatCypher } from "./cypher.ts";
export { cypherIdentifier, cypherNumber, cypherString, cypherValue } from "./cypher-literals.ts";
export { formatGexf } from "./gexf.ts";
export { formatGraphml } from "./graphml.ts";
export { formatJson } from "./json.ts";
export { columnsOf, conform, flatEdge, flatNode } from "./properties.ts";
export type { Column, FlatRecord, FlatValue, ValueType } from "./properties.ts";
export { graphFromSubgraph } from "./from-subgraph.ts";
export { ExportFormatError, GraphInputError, SelectionError } from "./errors.ts";
export { EXPORT_FORMATS } from "./types.ts";
export type { ExportFormat, RenderedFile, Selection } from "./types.ts";
export { AmbiguousNameError, NameIndex, resolveName, searchNodes, UnknownNameError } from "../graph/search.ts";
export type { SearchHit } from "../graph/search.ts";
