// Neo4j for Diplograph: connection settings, the batched idempotent loader, read-only
// queries, and query results as a plain subgraph. The public surface of src/neo4j/.
//
// Connection
//   connectionSettings(overrides?, env?) → ConnectionSettings {uri, user, password, database}
//     explicit values, then NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE, then
//     bolt://127.0.0.1:7687, neo4j, diplograph, neo4j (the local server's defaults).
//   verifyServer(settings)       fails with Neo4jUnavailableError or Neo4jAuthError.
//   closeDrivers()               closes the pooled drivers; call once when done (servers: on close).
//   checkUri(uri)                Neo4jUriError unless bolt(+s/+ssc):// or neo4j(+s/+ssc)://; driverFor checks it first.
//   Driver errors come out named (describeDriverError): Unavailable, Auth (a lockout named as such), Cypher,
//   QueryTimeout, WriteQueryRefused, and Neo4jServerError for anything else the server reports.
//
// Read-only queries (the viewer's Cypher console, `diplograph query`, `export --cypher`)
//   runReadQuery(settings, cypher, params?, {timeoutMs = 30000, rowLimit = 10000, byteLimit = 32 MB}?)
//     → {columns, rows: Array<Record<column, PlainValue>>, truncated, cut}
//     First asks the server for the query's plan (EXPLAIN) and refuses, with
//     WriteQueryRefusedError, anything but a read (query type `r`) made of read operators:
//     no LOAD CSV, no CALL … IN TRANSACTIONS, no SHOW/TERMINATE commands, no procedure but
//     the schema readers (db.labels, db.relationshipTypes, db.propertyKeys, db.schema.*), no
//     function of a plugin, no other database (src/neo4j/plan-check.ts). Then runs it in a
//     READ transaction with the time limit (the client also gives up 2 s after it) and cuts
//     the result by rows and by bytes (`cut` says where and why). Whole-number parameters
//     are sent as integers. Time limit → QueryTimeoutError, bad Cypher → CypherError.
//   checkReadOnly(settings, cypher, params?)   the plan check alone, nothing run.
//   PlainValue                   integers as numbers, temporal values as strings, and
//     {$type: "node", elementId, labels, properties} / {$type: "relationship", elementId,
//     type, start, end, properties} / {$type: "path", nodes, relationships}.
//   toSubgraph(rows) → {nodes: [{key, labels, properties}], edges: [{type, source, target, properties}]}
//     every node, relationship and path found in the rows, keyed by the `key` property.
//
// Loading (`diplograph load`)
//   syncGraph(settings, graph, file, {statePath, full, batchSize, wipe, onProgress}) → LoadReport
//     the database ends holding exactly graph.json; only the difference from the last load is
//     written when the database still carries that load's mark (docs/neo4j.md, "Incremental").
//   defaultStatePath(graphFile, uri, database): the state file beside graph.json.
//   loadGraph(settings, graph, file, {batchSize, wipe, onProgress}?) → LoadReport (counters):
//     the plain MERGE load, no state kept (the next syncGraph is then a full one).
//   planLoad(graph, file), nodeProperties(key, attrs), relationshipProperties(attrs): the
//     property shape in Neo4j (docs/neo4j.md), for exporters that write the same shape;
//     DERIVED_NODE_PROPERTIES: the ones the loader adds for its indexes (`names`, a meeting's `sortDate`).
//
// Errors are named (tests check `name`): Neo4jUnavailableError, Neo4jAuthError,
// WriteQueryRefusedError, QueryTimeoutError, CypherError, GraphFileError, SavedQueryError, UsageError.
export { checkUri, connectionSettings, DEFAULT_SETTINGS, URI_SCHEMES } from "./settings.ts";
export type { ConnectionSettings } from "./settings.ts";
export { closeDrivers, DRIVER_TIMEOUTS, driverFor, verifyServer, withSession } from "./driver.ts";
export {
  CypherError,
  describeDriverError,
  GraphFileError,
  Neo4jAuthError,
  Neo4jServerError,
  Neo4jUnavailableError,
  Neo4jUriError,
  QueryTimeoutError,
  SavedQueryError,
  UsageError,
  WriteQueryRefusedError,
} from "./errors.ts";
export { checkReadOnly, DEFAULT_READ_LIMITS, runReadQuery } from "./read-only.ts";
export type { ReadQueryOptions, ReadQueryResult } from "./read-only.ts";
export { toPlain } from "./values.ts";
export type { PlainNode, PlainPath, PlainRelationship, PlainValue } from "./values.ts";
export { toSubgraph } from "./subgraph.ts";
export type { Subgraph, SubgraphEdge, SubgraphNode } from "./subgraph.ts";
export { DEFAULT_BATCH_SIZE, loadGraph, loadPlan, syncGraph } from "./loader.ts";
export type { LoadOptions, LoadReport, SyncOptions } from "./loader.ts";
export { defaultStatePath, LOAD_SHAPE_VERSION } from "./load-state.ts";
export { MARKER_LABEL } from "./load-marker.ts";
export { nodeProperties, planLoad, relationshipProperties } from "./rows.ts";
export { DERIVED_NODE_PROPERTIES } from "./derived-properties.ts";
export type { LoadPlan, Properties } from "./rows.ts";
export { listSavedQueries, savedQuery } from "./saved-queries.ts";
export type { SavedQuery } from "./saved-queries.ts";
export { formatResult, FORMATS } from "./format.ts";
export type { OutputFormat } from "./format.ts";
