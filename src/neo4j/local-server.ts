// Starts, stops and reports on the local Neo4j server (scripts/neo4j/Neo4jLauncher.java) that
// development, tests and CI use; tracked by a pid file in its own data folder, with the settings
// it was started with (`server.json`) so that `diplograph load --bulk` can restart it as it was.
import { execFileSync, spawn } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// src/neo4j/ or dist/neo4j/: the project is two folders up either way.
const PROJECT_ROOT = resolve(import.meta.dirname, "../..");
export const LAUNCHER_DIR = join(PROJECT_ROOT, "scripts/neo4j");

/** Where a local server lives and listens; every field can be set from the environment. */
export interface LocalServerConfig {
  /** Data, logs, pid file (`DIPLOGRAPH_NEO4J_HOME`, default `.neo4j` in the project). */
  home: string;
  /** Bolt port on 127.0.0.1 (`NEO4J_BOLT_PORT`, default 7687). */
  boltPort: number;
  /** HTTP port on 127.0.0.1 (`NEO4J_HTTP_PORT`; default 7474 beside Bolt 7687, else 0 = off). */
  httpPort: number;
  /** JVM options (`NEO4J_JAVA_OPTS`). */
  javaOpts: string[];
  /** Password of user `neo4j`, set at every start (`NEO4J_PASSWORD`, default `diplograph`). */
  password: string;
  /**
   * The only folder LOAD CSV may read `file:///` URLs from (`NEO4J_IMPORT_DIR`, default
   * `import/` in the home, kept empty): `file:///etc/passwd` means `<import>/etc/passwd`.
   */
  importDir: string;
  /** Whether LOAD CSV may read `file:///` URLs at all (`NEO4J_CSV_FILE_URLS=true`; default off). */
  csvFileUrls: boolean;
  /** Other launcher settings taken from the environment (`NEO4J_PAGECACHE`, `NEO4J_AUTH`), kept for a restart. */
  env?: Record<string, string>;
}

export class LocalServerError extends Error {
  override name = "LocalServerError";
}

export function localServerConfig(env: NodeJS.ProcessEnv = process.env): LocalServerConfig {
  const boltPort = Number(env.NEO4J_BOLT_PORT ?? 7687);
  const home = resolve(PROJECT_ROOT, env.DIPLOGRAPH_NEO4J_HOME ?? ".neo4j");
  return {
    home,
    boltPort,
    // A second server on another Bolt port must not collide with the first one's HTTP port.
    httpPort: Number(env.NEO4J_HTTP_PORT ?? (boltPort === 7687 ? 7474 : 0)),
    javaOpts: (env.NEO4J_JAVA_OPTS ?? "-Xms256m -Xmx1g -XX:+UseG1GC").split(/\s+/).filter(Boolean),
    password: env.NEO4J_PASSWORD ?? "diplograph",
    importDir: resolve(home, env.NEO4J_IMPORT_DIR ?? "import"),
    csvFileUrls: env.NEO4J_CSV_FILE_URLS === "true",
    env: Object.fromEntries(["NEO4J_PAGECACHE", "NEO4J_AUTH"].flatMap((name) => (env[name] === undefined ? [] : [[name, env[name]!]]))),
  };
}

export type ServerStatus =
  | { state: "running"; pid: number; boltPort: number; home: string }
  | { state: "starting"; pid: number; home: string }
  | { state: "stopped"; home: string; portBusy: boolean };

const pidFile = (config: LocalServerConfig) => join(config.home, "neo4j.pid");
const readyFile = (config: LocalServerConfig) => join(config.home, "ready");
const launcherLog = (config: LocalServerConfig) => join(config.home, "logs", "launcher.log");
const startLock = (config: LocalServerConfig) => join(config.home, "start.lock");
const recordedConfig = (home: string) => join(home, "server.json");

/** The launcher's classpath: its classes and every Neo4j jar (neo4j-admin's too). */
export const launcherClasspath = () => [join(LAUNCHER_DIR, "target/classes"), join(LAUNCHER_DIR, "target/lib/*")].join(":");

/**
 * The settings the server of `home` was last started with (its port, memory, password, import
 * folder), or undefined when none was recorded: a restart must not change them under the
 * people using it (the test setup, for one, lets LOAD CSV read its import folder).
 */
export function startedConfig(home: string): LocalServerConfig | undefined {
  try {
    const config = JSON.parse(readFileSync(recordedConfig(home), "utf8")) as LocalServerConfig;
    return config.home === home && Number.isInteger(config.boltPort) ? config : undefined;
  } catch {
    return undefined;
  }
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: "127.0.0.1", port });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once("connect", () => finish(true));
    socket.once("error", () => finish(false));
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A pid file can outlive its process and the pid be reused: only a launcher running in this
 * home folder (its working directory) counts as ours, not another developer's launcher.
 */
function isOurLauncher(pid: number, home: string): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return processAlive(pid);
  try {
    return readFileSync(cmdline, "utf8").includes("diplograph.Neo4jLauncher") && realpathSync(`/proc/${pid}/cwd`) === realpathSync(home);
  } catch {
    return false;
  }
}

function ourPid(config: LocalServerConfig): number | undefined {
  if (!existsSync(pidFile(config))) return undefined;
  const pid = Number(readFileSync(pidFile(config), "utf8").trim());
  return Number.isInteger(pid) && pid > 0 && processAlive(pid) && isOurLauncher(pid, config.home) ? pid : undefined;
}

export async function serverStatus(config = localServerConfig()): Promise<ServerStatus> {
  const pid = ourPid(config);
  if (pid !== undefined && existsSync(readyFile(config))) {
    return { state: "running", pid, boltPort: config.boltPort, home: config.home };
  }
  if (pid !== undefined) return { state: "starting", pid, home: config.home };
  return { state: "stopped", home: config.home, portBusy: await portAnswers(config.boltPort) };
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds the launcher with Maven when its classes are missing or older than its sources. */
export function buildLauncher(log: (line: string) => void = () => {}): void {
  const marker = join(LAUNCHER_DIR, "target/lib/.complete");
  const sources = Math.max(newestMtime(join(LAUNCHER_DIR, "pom.xml")), newestMtime(join(LAUNCHER_DIR, "src")));
  if (existsSync(marker) && statSync(marker).mtimeMs >= sources) return;
  log("neo4j: building the launcher with Maven (first time downloads Neo4j from Maven Central)…");
  // flock: another developer's start (or a test run) may be building the same tree right now.
  execFileSync("flock", [join(tmpdir(), "diplograph-neo4j-build.lock"), "mvn", "-q", "-B", "package"], {
    cwd: LAUNCHER_DIR,
    stdio: ["ignore", "inherit", "inherit"],
  });
  writeFileSync(marker, "");
}

function tail(path: string, lines = 20): string {
  if (!existsSync(path)) return "";
  return readFileSync(path, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

/**
 * Two processes may start the same home at once (a test run and a developer); the lock file
 * makes them take turns, and the second then finds the first one's server.
 */
async function withStartLock<T>(config: LocalServerConfig, work: () => Promise<T>, timeoutMs: number): Promise<T> {
  mkdirSync(config.home, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      writeFileSync(startLock(config), `${process.pid}\n`, { flag: "wx" });
      break;
    } catch {
      const owner = Number(readFileSync(startLock(config), "utf8").trim());
      if (!processAlive(owner)) rmSync(startLock(config), { force: true });
      else if (Date.now() > deadline) throw new LocalServerError(`neo4j: another process (pid ${owner}) is starting ${config.home}`);
      else await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(startLock(config), { force: true });
  }
}

const PROGRESS_EVERY_MS = 5_000;

async function waitUntilReady(config: LocalServerConfig, pid: number, timeoutMs: number, log: (line: string) => void = () => {}): Promise<void> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  // a start takes 20–30 s on this machine: say that it is under way, every few seconds
  let nextNote = started + PROGRESS_EVERY_MS;
  while (Date.now() < deadline) {
    if (Date.now() >= nextNote) {
      log(`neo4j: waiting for Bolt on port ${config.boltPort} (${Math.round((Date.now() - started) / 1000)} s)…`);
      nextNote += PROGRESS_EVERY_MS;
    }
    if (!processAlive(pid)) {
      // Only our own pid file is ours to remove.
      if (ourPidFileHolds(config, pid)) rmSync(pidFile(config), { force: true });
      throw new LocalServerError(`neo4j: the server exited during start; ${launcherLog(config)} ends with:\n${tail(launcherLog(config))}`);
    }
    if (existsSync(readyFile(config)) && (await portAnswers(config.boltPort))) return;
    await sleep(250);
  }
  await stopServer(config);
  throw new LocalServerError(`neo4j: Bolt did not answer on port ${config.boltPort} within ${timeoutMs / 1000} s; see ${launcherLog(config)}`);
}

function ourPidFileHolds(config: LocalServerConfig, pid: number): boolean {
  return existsSync(pidFile(config)) && Number(readFileSync(pidFile(config), "utf8").trim()) === pid;
}

/**
 * Starts the server in the background and resolves once Bolt answers. Idempotent: if the
 * server of this home folder is already running (or starting), waits for it and starts nothing.
 */
export async function startServer(
  config = localServerConfig(),
  { timeoutMs = 180_000, log = (line: string) => console.error(line) } = {},
): Promise<{ started: boolean; pid: number }> {
  return withStartLock(
    config,
    async () => {
      const status = await serverStatus(config);
      if (status.state === "running") return { started: false, pid: status.pid };
      if (status.state === "starting") {
        log(`neo4j: another start is under way (pid ${status.pid}); waiting for it`);
        await waitUntilReady(config, status.pid, timeoutMs, log);
        return { started: false, pid: status.pid };
      }
      if (status.portBusy) {
        throw new LocalServerError(
          `neo4j: port ${config.boltPort} is taken by a process this home (${config.home}) did not start; ` +
            "stop it or choose another port with NEO4J_BOLT_PORT",
        );
      }
      if (config.httpPort > 0 && (await portAnswers(config.httpPort))) {
        throw new LocalServerError(
          `neo4j: HTTP port ${config.httpPort} is taken by another process; choose another with NEO4J_HTTP_PORT (0 turns HTTP off)`,
        );
      }
      buildLauncher(log);
      mkdirSync(join(config.home, "logs"), { recursive: true });
      rmSync(readyFile(config), { force: true });

      const out = openSync(launcherLog(config), "a");
      writeFileSync(recordedConfig(config.home), JSON.stringify(config), { mode: 0o600 });
      const child = spawn("java", [...config.javaOpts, "-cp", launcherClasspath(), "diplograph.Neo4jLauncher"], {
        cwd: config.home,
        detached: true,
        stdio: ["ignore", out, out],
        env: {
          ...process.env,
          ...config.env,
          DIPLOGRAPH_NEO4J_HOME: config.home,
          NEO4J_BOLT_PORT: String(config.boltPort),
          NEO4J_HTTP_PORT: String(config.httpPort),
          NEO4J_PASSWORD: config.password,
          NEO4J_IMPORT_DIR: config.importDir,
          NEO4J_CSV_FILE_URLS: String(config.csvFileUrls),
        },
      });
      closeSync(out);
      const pid = child.pid;
      if (pid === undefined) throw new LocalServerError("neo4j: could not start java (is Java 17 installed?)");
      writeFileSync(pidFile(config), `${pid}\n`);
      child.unref();
      log(`neo4j: starting (pid ${pid}) on bolt://127.0.0.1:${config.boltPort}, data in ${config.home}`);
      await waitUntilReady(config, pid, timeoutMs, log);
      return { started: true, pid };
    },
    timeoutMs,
  );
}

/** Stops the server of this home folder (and only that one); a no-op when it is not running. */
export async function stopServer(config = localServerConfig(), { timeoutMs = 60_000 } = {}): Promise<boolean> {
  const pid = ourPid(config);
  if (pid === undefined) {
    rmSync(pidFile(config), { force: true });
    return false;
  }
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (processAlive(pid) && Date.now() < deadline) await sleep(200);
  if (processAlive(pid)) process.kill(pid, "SIGKILL");
  rmSync(pidFile(config), { force: true });
  rmSync(readyFile(config), { force: true });
  return true;
}
