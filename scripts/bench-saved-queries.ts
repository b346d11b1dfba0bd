// Saved queries' latency through the driver on a loaded database, alone or against another set
// of the same queries (`--base-queries DIR`, e.g. main's graph/queries): each run of a query is a
// READ transaction in a new session, as `diplograph query` runs it (without the guard's EXPLAIN).
// With a base, the two versions alternate run by run (base first on even runs, the new one first on
// odd ones) on the same server, so a neighbour's burst of load falls on both; their rows are
// compared (same rows, same order; nodes by what names them, as shortest-path returns them since 3 Dec)
// and each is PROFILEd once: db hits do not depend on the load.
// The local server's CPU (from /proc) and this process's CPU are summed per version, run by run.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import neo4j from "neo4j-driver";
import type { ProfiledPlan } from "neo4j-driver";
import { listSavedQueries, toPlain, withSession } from "../src/neo4j/index.ts";
import type { ConnectionSettings, PlainValue, SavedQuery } from "../src/neo4j/index.ts";
import { localServerConfig } from "./neo4j/server.ts";

/**
 * CPU seconds the local server's JVM has used so far (Linux), or undefined when the bench
 * talks to another server. On a shared machine wall-clock rates depend on the neighbours;
 * the server's CPU per unit of work does much less.
 */
export function serverCpuSeconds(): number | undefined {
  const pidFile = join(localServerConfig().home, "neo4j.pid");
  if (!existsSync(pidFile)) return undefined;
  const stat = `/proc/${readFileSync(pidFile, "utf8").trim()}/stat`;
  if (!existsSync(stat)) return undefined;
  const fields = readFileSync(stat, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** One query with the parameters it is run with. */
interface Case {
  title: string;
  name: string;
  params: Record<string, unknown>;
}

/** What one version of a query cost. */
interface Measured {
  times: number[];
  serverCpuMs: number;
  clientCpuMs: number;
}

export interface SavedQueryBenchOptions {
  /** Timed runs of each query (per version), after `warmups` untimed ones. */
  runs?: number;
  warmups?: number;
  /** The queries measured (default graph/queries). */
  dir?: string;
  /** The queries to alternate with, by name (e.g. main's graph/queries written to a folder). */
  baseDir?: string;
}

/**
 * The parameters: the official with the most meetings (`name`, `a`, `to`), the country with the
 * most proposals (`country`, `b`, `from`), as the bench has always used; and, for the lookups a
 * hub can blow up, the country with the most officials (Việt Nam in the synthetic graphs: 17,000
 * OFFICIAL_OF) as a second case.
 */
async function cases(settings: ConnectionSettings, queries: SavedQuery[]): Promise<Case[]> {
  const first = (cypher: string) =>
    withSession(settings, "READ", async (session) => (await session.run(cypher)).records[0]?.get("name") as string | undefined);
  const official = await first("MATCH (o:Official)-[r:ATTENDED|CHAIRED]->() RETURN o.label AS name, count(r) AS n ORDER BY n DESC, name LIMIT 1");
  const country = await first("MATCH (c:Country)<-[r:PROPOSED_BY]-() RETURN c.label AS name, count(r) AS n ORDER BY n DESC, name LIMIT 1");
  const hub = await first("MATCH (c:Country) RETURN c.label AS name ORDER BY COUNT { (c)<-[:OFFICIAL_OF]-() } DESC, name LIMIT 1");
  const names: Record<string, unknown> = { ...(official ? { name: official, a: official, to: official } : {}), ...(country ? { country, b: country, from: country } : {}) };
  const typed = (params: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "number" && Number.isInteger(v) ? neo4j.int(v) : v]));
  const list: Case[] = [];
  for (const query of queries) {
    const params = { ...query.params, ...Object.fromEntries(Object.entries(names).filter(([k]) => k in query.params)) };
    list.push({ title: query.name, name: query.name, params: typed(params) });
    if (query.name === "proposals-of-country" && hub && hub !== country) {
      list.push({ title: `${query.name} (${hub}: most officials)`, name: query.name, params: typed({ ...params, country: hub }) });
    }
  }
  return list;
}

/** The properties a node is compared by: what names it (shortest-path returns its path's nodes with these only). */
const NAMING = ["key", "kind", "label", "aliases"];

/** A plain value with every node in it reduced to its elementId, labels and naming properties. */
function named(value: PlainValue): PlainValue {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(named);
  if (value.$type === "node" && typeof value.properties === "object" && value.properties !== null && !Array.isArray(value.properties)) {
    const properties = value.properties as Record<string, PlainValue>;
    return { ...value, properties: Object.fromEntries(NAMING.filter((k) => k in properties).map((k) => [k, properties[k]!])) };
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, named(v as PlainValue)]));
}

/** Rows as plain values, in order, nodes by what names them: what two versions must agree on. */
async function rowsOf(settings: ConnectionSettings, cypher: string, params: Record<string, unknown>) {
  return withSession(settings, "READ", async (session) => (await session.executeRead((tx) => tx.run(cypher, params))).records.map((record) => named(toPlain(record.toObject()))));
}

/** Db hits summed over the profiled plan, and the rows it gave. */
async function profile(settings: ConnectionSettings, cypher: string, params: Record<string, unknown>): Promise<number> {
  const plan = await withSession(settings, "READ", async (session) => (await session.run(`PROFILE ${cypher}`, params)).summary.profile);
  const hits = (operator: ProfiledPlan): number => operator.dbHits + operator.children.reduce((sum, child) => sum + hits(child), 0);
  return plan ? hits(plan) : Number.NaN;
}

async function timedRun(settings: ConnectionSettings, cypher: string, params: Record<string, unknown>, into: Measured | undefined): Promise<void> {
  const server = serverCpuSeconds();
  const client = process.cpuUsage();
  const started = performance.now();
  await withSession(settings, "READ", async (session) => (await session.executeRead((tx) => tx.run(cypher, params))).records.length);
  const elapsed = performance.now() - started;
  if (!into) return;
  const used = process.cpuUsage(client);
  const serverAfter = serverCpuSeconds();
  into.times.push(elapsed);
  into.clientCpuMs += (used.user + used.system) / 1000;
  if (server !== undefined && serverAfter !== undefined) into.serverCpuMs += (serverAfter - server) * 1000;
}

/** The value below which a share `q` of the sorted times fall (nearest rank). */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

function summary(measured: Measured, hits: number, runs: number): string {
  const sorted = [...measured.times].sort((a, b) => a - b);
  const ms = (n: number) => n.toFixed(0).padStart(4);
  return (
    `p50 ${ms(percentile(sorted, 0.5))} ms  p95 ${ms(percentile(sorted, 0.95))} ms  max ${ms(sorted.at(-1) ?? NaN)} ms  ` +
    `db hits ${Math.round(hits).toLocaleString("en").padStart(7)}  CPU per run: server ${(measured.serverCpuMs / runs).toFixed(1)} ms, client ${(measured.clientCpuMs / runs).toFixed(1)} ms`
  );
}

/** p50 and p95 of each saved query (and of the base's version of it), db hits, CPU; false when a base gave other rows. */
export async function benchSavedQueries(settings: ConnectionSettings, { runs = 20, warmups = 2, dir, baseDir }: SavedQueryBenchOptions, log: (line: string) => void): Promise<boolean> {
  const queries = listSavedQueries(dir);
  const base = baseDir ? new Map(listSavedQueries(baseDir).map((query) => [query.name, query])) : undefined;
  let same = true;
  for (const { title, name, params } of await cases(settings, queries)) {
    const query = queries.find((q) => q.name === name)!;
    const before = base?.get(name);
    const rows = await rowsOf(settings, query.cypher, params);
    const measured: Measured = { times: [], serverCpuMs: 0, clientCpuMs: 0 };
    const measuredBase: Measured = { times: [], serverCpuMs: 0, clientCpuMs: 0 };
    for (let i = 0; i < warmups + runs; i++) {
      const timed = i >= warmups;
      const now: [string, Measured] = [query.cypher, measured];
      const order = before ? (i % 2 === 0 ? [[before.cypher, measuredBase] as const, now] : [now, [before.cypher, measuredBase] as const]) : [now];
      for (const [cypher, into] of order) await timedRun(settings, cypher, params, timed ? into : undefined);
    }
    log(`  ${title}: ${rows.length} rows`);
    if (before) {
      const sameRows = isDeepStrictEqual(await rowsOf(settings, before.cypher, params), rows);
      same &&= sameRows;
      log(`    base ${summary(measuredBase, await profile(settings, before.cypher, params), runs)}`);
      log(`    now  ${summary(measured, await profile(settings, query.cypher, params), runs)}   same rows, same order: ${sameRows ? "yes" : "NO"}`);
    } else {
      log(`    ${summary(measured, await profile(settings, query.cypher, params), runs)}   target p95 ≤ 50 ms`);
    }
  }
  return same;
}
