// A cap on the size of one Bolt message (one record) that neo4j-driver will take in.
//
// Why this reaches into the driver: neo4j-driver gathers a whole record before anyone sees
// it, and decodes a record spread over many 64 KB chunks in time quadratic in its size
// (CombinedBuffer.getUInt8 walks the chunk list for every byte). `RETURN range(1, 10000000)`
// is one record of ~50 MB: 74 s of a blocked event loop and 800 MB in the driver before the
// first row reaches our code, so no limit applied to rows can help. The Dechunker, which
// assembles chunks into messages, is the only place that sees a record's size before it is
// decoded; past the cap it drops the chunks and fails the connection with
// BoltMessageTooLargeError, which the pool then discards (the server rolls the query back).
// The cap is off (Infinity) unless a read query asks for one; test/integration checks that
// this still works with the installed driver, so an upgrade that moves these internals fails there.
import { createRequire } from "node:module";

/** A record was larger than the cap; the connection that carried it is closed. */
export class BoltMessageTooLargeError extends Error {
  override name = "BoltMessageTooLargeError";
  constructor(readonly bytes: number) {
    super(`a single row is larger than ${bytes} bytes`);
  }
}

interface ChunkList {
  length: number;
}
interface DechunkerInternals {
  _currentMessage: ChunkList[];
  onmessage(message: unknown): void;
  IN_CHUNK(buffer: unknown): unknown;
  CLOSED: unknown;
}

/** Caps asked for by the read queries running now; the largest one applies. */
const activeCaps: number[] = [];
let installed = false;

function currentCap(): number {
  return activeCaps.length === 0 ? Infinity : Math.max(...activeCaps);
}

function install(): void {
  if (installed) return;
  // The same module instance neo4j-driver uses (all CommonJS, resolved from the driver).
  const fromDriver = createRequire(createRequire(import.meta.url).resolve("neo4j-driver"));
  const chunking = fromDriver("neo4j-driver-bolt-connection/lib/channel/chunking.js") as {
    Dechunker?: { prototype: DechunkerInternals };
  };
  const prototype = chunking.Dechunker?.prototype;
  if (!prototype || typeof prototype.IN_CHUNK !== "function" || typeof prototype.CLOSED !== "function") {
    throw new Error("bolt-message-cap: neo4j-driver's Dechunker is not where it was; see src/neo4j/bolt-message-cap.ts");
  }
  const readChunk = prototype.IN_CHUNK;
  prototype.IN_CHUNK = function (this: DechunkerInternals, buffer: unknown) {
    const next = readChunk.call(this, buffer);
    const cap = currentCap();
    if (cap !== Infinity) {
      let size = 0;
      for (const chunk of this._currentMessage) size += chunk.length;
      if (size > cap) {
        this._currentMessage = [];
        // The driver decodes each message inside a try/catch that fails the connection with
        // whatever is thrown: a message that throws on first touch ends the query with our error.
        const error = new BoltMessageTooLargeError(cap);
        this.onmessage(
          new Proxy(
            {},
            {
              get() {
                throw error;
              },
            },
          ),
        );
        return this.CLOSED;
      }
    }
    return next;
  };
  installed = true;
}

/** Runs `work` with records over `bytes` refused before they are decoded. */
export async function withBoltMessageCap<T>(bytes: number, work: () => Promise<T>): Promise<T> {
  install();
  activeCaps.push(bytes);
  try {
    return await work();
  } finally {
    activeCaps.splice(activeCaps.indexOf(bytes), 1);
  }
}
