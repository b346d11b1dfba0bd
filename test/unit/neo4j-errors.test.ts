// Mistakes around Neo4j end in one clear line, and soon: a URI of the wrong kind is refused
// before any connection, a port that is not Neo4j fails at the driver's short timeouts, and
// every answer of the server is named rather than thrown as a stack trace.
import http from "node:http";
import net from "node:net";
import { Neo4jError } from "neo4j-driver";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkUri,
  closeDrivers,
  connectionSettings,
  describeDriverError,
  DRIVER_TIMEOUTS,
  Neo4jAuthError,
  Neo4jServerError,
  Neo4jUnavailableError,
  Neo4jUriError,
  URI_SCHEMES,
  verifyServer,
} from "../../src/neo4j/index.ts";

const settings = connectionSettings({ uri: "bolt://127.0.0.1:7687", user: "neo4j", password: "x", database: "neo4j" }, {});
const oneLine = (error: unknown) => {
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).not.toContain("\n");
  return (error as Error).message;
};

/** A local TCP server that counts connections; `speak` decides what it does with each. */
async function listen(speak: (socket: net.Socket) => void) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    speak(socket);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const port = (server.address() as net.AddressInfo).port;
  const close = () => {
    // a silent server holds its sockets open: end them, else close() waits for the client
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((done) => server.close(() => done()));
  };
  return { port, connections: () => sockets.size, close };
}

describe("the URI", () => {
  it.each(URI_SCHEMES.map((scheme) => `${scheme}://db.example:7687`))("accepts %s", (uri) => expect(() => checkUri(uri)).not.toThrow());

  it.each(["http://127.0.0.1:7474", "https://db.example", "127.0.0.1:7687", "localhost", "bolt:/x", ""])("refuses %j naming the accepted schemes", (uri) => {
    let error: unknown;
    try {
      checkUri(uri);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(Neo4jUriError);
    expect(oneLine(error)).toMatch(/bolt:\/\/.*neo4j\+ssc:\/\//);
  });

  it("an http:// URI is refused before any connection is tried", async () => {
    const server = await listen((socket) => socket.end());
    try {
      await expect(verifyServer({ ...settings, uri: `http://127.0.0.1:${server.port}` })).rejects.toBeInstanceOf(Neo4jUriError);
      expect(server.connections()).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe("a port that answers but is not Neo4j", () => {
  afterAll(closeDrivers);

  it("an HTTP server: one line saying so", async () => {
    const web = http.createServer((_request, response) => response.end("hello"));
    await new Promise<void>((done) => web.listen(0, "127.0.0.1", done));
    const uri = `bolt://127.0.0.1:${(web.address() as net.AddressInfo).port}`;
    try {
      const error = await verifyServer({ ...settings, uri }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Neo4jUnavailableError);
      expect(oneLine(error)).toMatch(/answers HTTP, not Bolt/);
    } finally {
      web.close();
    }
  });

  it("a silent server: one line, at the acquisition timeout rather than never", async () => {
    const server = await listen(() => {});
    try {
      const error = await verifyServer({ ...settings, uri: `bolt://127.0.0.1:${server.port}` }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Neo4jUnavailableError);
      expect(oneLine(error)).toMatch(/does not answer as a Neo4j server/);
      expect(server.connections()).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});

describe("the server's answers, named", () => {
  const driverError = (code: string, message: string) => new Neo4jError(message, code, "50N42", "error");

  it("the memory limit is one line with Neo4j's code and what to do, not a stack trace", () => {
    const error = describeDriverError(
      driverError("Neo.TransientError.General.MemoryPoolOutOfMemoryError", "The allocation of an extra 2.0 MiB would use more than the limit 10.0 MiB.\n\tat org.neo4j…"),
      settings,
    );
    expect(error).toBeInstanceOf(Neo4jServerError);
    expect(oneLine(error)).toMatch(/MemoryPoolOutOfMemoryError: The allocation .* out of memory/);
  });

  it("any other server error is a Neo4jServerError naming the server and the code", () => {
    const error = describeDriverError(driverError("Neo.TransientError.Database.DatabaseUnavailable", "Database 'neo4j' is unavailable."), settings);
    expect(error).toBeInstanceOf(Neo4jServerError);
    expect(oneLine(error)).toContain("bolt://127.0.0.1:7687 (database neo4j) failed: Neo.TransientError.Database.DatabaseUnavailable");
  });

  it("a lockout after failed logins is reported as a lockout, not as a wrong password", () => {
    const error = describeDriverError(driverError("Neo.ClientError.Security.AuthenticationRateLimit", "The client has provided incorrect authentication details too many times in a row."), settings);
    expect(error).toBeInstanceOf(Neo4jAuthError);
    const message = oneLine(error);
    expect(message).toMatch(/locked user "neo4j" out .*too many failed logins.*AuthenticationRateLimit/);
    expect(message).not.toMatch(/wrong user or password/);
  });

  it("a wrong password is still a wrong password", () => {
    const error = describeDriverError(driverError("Neo.ClientError.Security.Unauthorized", "The client is unauthorized due to authentication failure."), settings);
    expect(oneLine(error)).toMatch(/wrong user or password/);
  });
});

describe("the driver gives up in seconds", () => {
  it("retries a lost connection for at most 15 s and waits at most 10 s for one (was 30 s each, 66 s after a crash)", () => {
    expect(DRIVER_TIMEOUTS.maxTransactionRetryTime).toBeLessThanOrEqual(15_000);
    expect(DRIVER_TIMEOUTS.connectionAcquisitionTimeout).toBeLessThanOrEqual(10_000);
    expect(DRIVER_TIMEOUTS.connectionTimeout).toBeLessThanOrEqual(DRIVER_TIMEOUTS.connectionAcquisitionTimeout);
  });
});
