// Drivers and sessions: one driver per server and user for the life of the process
// (drivers pool connections), sessions opened per unit of work and always closed.
import neo4j from "neo4j-driver";
import type { Driver, Session } from "neo4j-driver";
import { describeDriverError } from "./errors.ts";
import { checkUri } from "./settings.ts";
import type { ConnectionSettings } from "./settings.ts";

const drivers = new Map<string, Driver>();

/**
 * Timeouts chosen so that a mistake fails in seconds: a port that accepts the connection but
 * never speaks Bolt used to hold a command for the 30 s acquisition timeout, and a server that
 * died mid-load for the driver's retries (30 s by default, over a minute in all).
 */
export const DRIVER_TIMEOUTS = {
  /** TCP connect and TLS. */
  connectionTimeout: 5_000,
  /** Getting a connection, the Bolt handshake and login included: what a silent port costs. */
  connectionAcquisitionTimeout: 8_000,
  /** How long a managed transaction (each load batch) is retried on transient errors and lost connections. */
  maxTransactionRetryTime: 10_000,
} as const;

export function driverFor(settings: ConnectionSettings): Driver {
  const id = JSON.stringify([settings.uri, settings.user, settings.password]);
  let driver = drivers.get(id);
  if (!driver) {
    checkUri(settings.uri);
    driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), { userAgent: "diplograph", ...DRIVER_TIMEOUTS });
    drivers.set(id, driver);
  }
  return driver;
}

/** Closes every driver this process opened (call once, when the process is done with Neo4j). */
export async function closeDrivers(): Promise<void> {
  const open = [...drivers.values()];
  drivers.clear();
  await Promise.all(open.map((driver) => driver.close()));
}

/** Fails fast with Neo4jUnavailableError or Neo4jAuthError before any work starts. */
export async function verifyServer(settings: ConnectionSettings): Promise<void> {
  try {
    await driverFor(settings).verifyConnectivity({ database: settings.database });
  } catch (error) {
    throw describeDriverError(error, settings);
  }
}

/** Runs `work` in a session of the settings' database and closes it; driver errors come out named. */
export async function withSession<T>(
  settings: ConnectionSettings,
  mode: "READ" | "WRITE",
  work: (session: Session) => Promise<T>,
): Promise<T> {
  const session = openSession(settings, mode);
  try {
    return await work(session);
  } catch (error) {
    throw describeDriverError(error, settings);
  } finally {
    await session.close();
  }
}

/** A session of the settings' database; the caller closes it (withSession does both). */
export function openSession(settings: ConnectionSettings, mode: "READ" | "WRITE"): Session {
  return driverFor(settings).session({
    database: settings.database,
    defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
  });
}
