// Whether a query is read-only, decided from the plan Neo4j's own parser and planner made of
// it (`EXPLAIN`), not from its text: Cypher's lexer differs from any regex (U+001C–U+001F are
// whitespace to it, names can be back-quoted, comments sit anywhere), so only the server
// knows what the text means. Pure: the plan in, a reason to refuse (or null) out.

/** What EXPLAIN tells about a query: its type, the database it plans for, the operator tree. */
export interface ExplainedQuery {
  /** `r` read, `rw` read-write, `w` write, `s` schema or administration (resultSummary.queryType). */
  queryType: string;
  /** The database the plan is for (summary.database.name). */
  database: string | undefined;
  plan: PlanOperator | false;
}

/** One operator of the plan, as neo4j-driver gives it (summary.plan). */
export interface PlanOperator {
  /** `Expand(All)@neo4j`: the operator, then the database it runs on. */
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanOperator[];
}

/**
 * Procedures a read-only query may call: the schema readers. Every other procedure is
 * refused, whatever its mode: `dbms.listConfig`, `dbms.listConnections`,
 * `dbms.killConnection(s)` and `dbms.showCurrentUser` are all READ or DBMS procedures, yet
 * they show the configuration and let one client kill another's connection.
 */
export const READ_PROCEDURES: ReadonlySet<string> = new Set([
  "db.labels",
  "db.relationshipTypes",
  "db.propertyKeys",
  "db.schema.visualization",
  "db.schema.nodeTypeProperties",
  "db.schema.relTypeProperties",
]);

/**
 * Operators a read-only query may use: scans and seeks, expansions and path finding,
 * filters, projections, joins and subquery applies, aggregation, sorting and paging. Each
 * only reads the graph and the query's own rows. An operator not named here is refused,
 * so a new one in a later Neo4j (or one missed here) fails closed. Left out on purpose:
 * every write (Create, Merge, SetProperty, Delete, Foreach…), LoadCSV, TransactionApply
 * and TransactionForeach (CALL … IN TRANSACTIONS), the SHOW/TERMINATE operators and
 * administration commands. ProcedureCall is checked apart, by procedure name.
 */
const READ_OPERATORS: ReadonlySet<string> = new Set([
  // results, rows
  "ProduceResults", "Projection", "Filter", "Argument", "EmptyRow", "EmptyResult", "Unwind", "PartitionedUnwind",
  "CacheProperties", "Eager", "Optional", "Anti", "NullifyMetadata", "ProjectEndpoints", "PartitionedProjectEndpoints",
  "AssertSameNode", "AssertSameRelationship", "ArgumentTracker",
  // node scans and seeks
  "AllNodesScan", "PartitionedAllNodesScan", "NodeByLabelScan", "PartitionedNodeByLabelScan",
  "UnionNodeByLabelsScan", "PartitionedUnionNodeByLabelsScan", "IntersectionNodeByLabelsScan",
  "PartitionedIntersectionNodeByLabelsScan", "SubtractionNodeByLabelsScan", "PartitionedSubtractionNodeByLabelsScan",
  "NodeByIdSeek", "NodeByElementIdSeek", "NodeIndexSeek", "PartitionedNodeIndexSeek", "NodeUniqueIndexSeek",
  "NodeIndexSeekByRange", "PartitionedNodeIndexSeekByRange", "NodeUniqueIndexSeekByRange", "NodeIndexScan",
  "PartitionedNodeIndexScan", "NodeIndexContainsScan", "NodeIndexEndsWithScan", "MultiNodeIndexSeek",
  "AssertingMultiNodeIndexSeek", "NodeCountFromCountStore", "RelationshipCountFromCountStore",
  // relationship scans and seeks
  "DirectedRelationshipByIdSeek", "UndirectedRelationshipByIdSeek", "DirectedRelationshipByElementIdSeek",
  "UndirectedRelationshipByElementIdSeek", "DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan",
  "PartitionedDirectedRelationshipTypeScan", "PartitionedUndirectedRelationshipTypeScan",
  "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan", "PartitionedDirectedAllRelationshipsScan",
  "PartitionedUndirectedAllRelationshipsScan", "DirectedUnionRelationshipTypesScan",
  "UndirectedUnionRelationshipTypesScan", "PartitionedDirectedUnionRelationshipTypesScan",
  "PartitionedUndirectedUnionRelationshipTypesScan", "DirectedRelationshipIndexSeek",
  "UndirectedRelationshipIndexSeek", "DirectedRelationshipUniqueIndexSeek", "UndirectedRelationshipUniqueIndexSeek",
  "DirectedRelationshipIndexSeekByRange", "UndirectedRelationshipIndexSeekByRange",
  "DirectedRelationshipUniqueIndexSeekByRange", "UndirectedRelationshipUniqueIndexSeekByRange",
  "DirectedRelationshipIndexScan", "UndirectedRelationshipIndexScan", "DirectedRelationshipIndexContainsScan",
  "UndirectedRelationshipIndexContainsScan", "DirectedRelationshipIndexEndsWithScan",
  "UndirectedRelationshipIndexEndsWithScan",
  // expansion and paths
  "Expand(All)", "Expand(Into)", "OptionalExpand(All)", "OptionalExpand(Into)", "VarLengthExpand(All)",
  "VarLengthExpand(Into)", "VarLengthExpand(Pruning)", "VarLengthExpand(Pruning,BFS)", "VarLengthExpand(Pruning,BFS,All)",
  "BFSPruningVarExpand", "ShortestPath", "StatefulShortestPath(All)", "StatefulShortestPath(Into)", "Trail",
  "Repeat(Trail)", "Repeat(Walk)", "TriadicSelection", "TriadicBuild", "TriadicFilter",
  // joins, unions, subqueries (their own operators are checked as children)
  "Apply", "SemiApply", "AntiSemiApply", "LetSemiApply", "LetAntiSemiApply", "SelectOrSemiApply",
  "SelectOrAntiSemiApply", "LetSelectOrSemiApply", "LetSelectOrAntiSemiApply", "RollUpApply", "ConditionalApply",
  "AntiConditionalApply", "SubqueryForeach", "CartesianProduct", "NodeHashJoin", "ValueHashJoin",
  "NodeLeftOuterHashJoin", "NodeRightOuterHashJoin", "Union", "OrderedUnion",
  // aggregation, order, paging
  "Distinct", "OrderedDistinct", "Aggregation", "EagerAggregation", "OrderedAggregation", "Sort", "PartialSort",
  "Top", "Top1WithTies", "PartialTop", "Skip", "Limit", "ExhaustiveLimit",
  // checked apart: the procedure's name must be a schema reader
  "ProcedureCall",
]);

/** `Expand(All)@neo4j` → `Expand(All)` and `neo4j`. */
function splitOperator(operatorType: string): { operator: string; database: string | undefined } {
  const at = operatorType.lastIndexOf("@");
  return at < 0 ? { operator: operatorType, database: undefined } : { operator: operatorType.slice(0, at), database: operatorType.slice(at + 1) };
}

/** The procedure a ProcedureCall runs, from its details: `db.labels() :: (label :: STRING)` → `db.labels`. */
export function procedureName(details: string): string | undefined {
  const match = /^\s*((?:`[^`]*`|[^\s.(`]+)(?:\s*\.\s*(?:`[^`]*`|[^\s.(`]+))*)\s*\(/.exec(details);
  return match?.[1]?.split(".").map((part) => part.trim().replace(/^`|`$/g, "")).join(".");
}

function detailsOf(operator: PlanOperator): string {
  const details = operator.arguments.Details ?? operator.arguments.details;
  return typeof details === "string" ? details : "";
}

function* operatorsOf(plan: PlanOperator): Generator<PlanOperator> {
  yield plan;
  for (const child of plan.children) yield* operatorsOf(child);
}

/** Why a read-only runner must refuse this plan (one line), or null when it only reads. */
export function refusalReason(
  explained: ExplainedQuery,
  { database, nonBuiltInFunctions = [] }: { database: string; nonBuiltInFunctions?: readonly string[] },
): string | null {
  if (!explained.plan) return explained.queryType === "s" ? "administration and schema commands are not allowed" : "Neo4j gave no plan to check";
  const operators = [...operatorsOf(explained.plan)].map((operator) => ({ ...splitOperator(operator.operatorType), details: detailsOf(operator) }));
  // The most specific reasons first, so that the message names what the query tried.
  for (const { operator, database: on, details } of operators) {
    if (on !== undefined && on !== database) return `the query runs on database ${on}, not ${database}`;
    if (operator === "LoadCSV") return "LOAD CSV reads files and network addresses outside the database";
    if (operator === "TransactionApply" || operator === "TransactionForeach") return "CALL … IN TRANSACTIONS commits transactions of its own";
    if (operator === "ProcedureCall") {
      const procedure = procedureName(details);
      const allowed = [...READ_PROCEDURES].some((p) => p.toLowerCase() === procedure?.toLowerCase());
      if (!allowed) return `procedure ${procedure ?? details} is not one of the schema readers (${[...READ_PROCEDURES].join(", ")})`;
    }
  }
  if (explained.queryType === "s") return "administration and schema commands are not allowed";
  if (explained.queryType !== "r") return `the query writes (query type ${explained.queryType})`;
  if (explained.database !== undefined && explained.database !== database) {
    return `the query runs on database ${explained.database}, not ${database}`;
  }
  const userFunctions = nonBuiltInFunctions.map((name) => name.toLowerCase());
  for (const { operator, details } of operators) {
    if (!READ_OPERATORS.has(operator)) return `the plan uses ${operator}${details ? ` (${details.slice(0, 80)})` : ""}, which is not a read-only operator`;
    // Functions from plugins (APOC's apoc.load.*, …) can reach files and the network;
    // built-in functions cannot, so any function the server lists as not built in is refused.
    const plain = details.replace(/`/g, "").replace(/\s+/g, "").toLowerCase();
    const used = userFunctions.find((fn) => plain.includes(`${fn}(`));
    if (used) return `function ${used} is not built into Neo4j`;
  }
  return null;
}
