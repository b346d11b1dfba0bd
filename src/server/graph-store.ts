// graph.json held in memory for the viewer's API: read again whenever the file changes (a
// rebuild shows on reload), with the view graph (view-graph.ts) and the search's name index
// (search.ts, packed) serialised and compressed once per version, and each node's and edge's
// full attributes at hand for the panels.
import { readFile, stat } from "node:fs/promises";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import { NameIndex } from "../graph/search.ts";
import type { NodeNames } from "../graph/search.ts";
import type { SerializedKnowledgeGraph } from "../graph/types.ts";
import { viewGraph, ViewGraphFormatError } from "./view-graph.ts";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export type Encoding = "br" | "gzip" | "identity";

type SerializedNode = SerializedKnowledgeGraph["nodes"][number];
type SerializedEdge = SerializedKnowledgeGraph["edges"][number];

/** A body sent as it is or compressed, each encoding made on first demand and kept. */
class EncodedBody {
  private readonly encoded = new Map<Encoding, Promise<Buffer>>();
  constructor(private readonly body: Buffer) {}

  in(encoding: Encoding): Promise<Buffer> {
    let encoded = this.encoded.get(encoding);
    if (!encoded) {
      // Brotli at quality 5 and gzip at 6: within a few tenths of a second on 20 MB, and
      // done once per build, where the highest qualities would take many seconds.
      encoded =
        encoding === "br"
          ? brotliAsync(this.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: this.body.length } })
          : encoding === "gzip"
            ? gzipAsync(this.body, { level: 6 })
            : Promise.resolve(this.body);
      this.encoded.set(encoding, encoded);
    }
    return encoded;
  }
}

/**
 * The name index of graph.json's nodes, packed, as JSON. Folded 500 nodes at a time (10–50 ms),
 * letting other requests through between slices: the view graph of the same version is
 * usually being compressed and sent meanwhile, and must not wait for the names.
 */
async function packedNameIndex(nodes: Map<string, SerializedNode>): Promise<EncodedBody> {
  const entries = (function* () {
    for (const [key, node] of nodes) yield [key, node.attributes ?? {}] as [string, NodeNames];
  })();
  const index = await NameIndex.inSlices(entries, () => new Promise((resolve) => setImmediate(resolve)));
  return new EncodedBody(Buffer.from(JSON.stringify(index.pack())));
}

/** A response body of one version of graph.json, with the version it was made from. */
export interface VersionedBody {
  body: Buffer;
  /** Names the version of graph.json (its mtime and size): the same for every body made from it. */
  version: string;
}

interface GraphVersion {
  /** mtime and size of the file this version was read from. */
  stamp: string;
  nodes: Map<string, SerializedNode>;
  edges: Map<string, SerializedEdge>;
  /** The view graph as JSON. */
  view: EncodedBody;
  /** The packed name index as JSON, made on first demand (folding every name: a few tenths of a second). */
  nameIndex: Promise<EncodedBody> | null;
}

export class GraphStore {
  private current: Promise<GraphVersion> | null = null;
  private currentStamp: string | null = null;

  constructor(private readonly path: string) {}

  /** The view graph in the asked encoding (compressed once per version of graph.json). */
  async view(encoding: Encoding): Promise<VersionedBody> {
    const version = await this.version();
    return { body: await version.view.in(encoding), version: version.stamp };
  }

  /**
   * The search's name index, packed (search.ts), for the same version as `view`: the viewer's
   * worker takes it as it is instead of folding every name in the browser. Made once per
   * version, on first demand.
   */
  async nameIndex(encoding: Encoding): Promise<VersionedBody> {
    const version = await this.version();
    version.nameIndex ??= packedNameIndex(version.nodes);
    return { body: await (await version.nameIndex).in(encoding), version: version.stamp };
  }

  async node(key: string): Promise<SerializedNode | undefined> {
    return (await this.version()).nodes.get(key);
  }

  async edge(key: string): Promise<SerializedEdge | undefined> {
    return (await this.version()).edges.get(key);
  }

  /** The full attributes of the edges at a node (their evidence), by edge key. */
  async edgesAt(key: string): Promise<SerializedEdge[]> {
    const version = await this.version();
    return [...version.edges.values()].filter((edge) => edge.source === key || edge.target === key);
  }

  private async version(): Promise<GraphVersion> {
    const info = await stat(this.path);
    const stamp = `${info.mtimeMs}:${info.size}`;
    if (!this.current || this.currentStamp !== stamp) {
      this.currentStamp = stamp;
      this.current = this.read(stamp);
      // A failed read is not kept: the next request tries again.
      this.current.catch(() => {
        if (this.currentStamp === stamp) {
          this.current = null;
          this.currentStamp = null;
        }
      });
    }
    return this.current;
  }

  /** The view graph, or ViewGraphFormatError naming this file (an edge to a node it lacks). */
  private slim(data: SerializedKnowledgeGraph): ReturnType<typeof viewGraph> {
    try {
      return viewGraph(data);
    } catch (error) {
      if (error instanceof ViewGraphFormatError) throw new ViewGraphFormatError(`${this.path}: ${error.message}`);
      throw error;
    }
  }

  private async read(stamp: string): Promise<GraphVersion> {
    const data = JSON.parse(await readFile(this.path, "utf8")) as SerializedKnowledgeGraph;
    return {
      stamp,
      nodes: new Map(data.nodes.map((node) => [node.key, node])),
      edges: new Map(data.edges.map((edge) => [String(edge.key), edge])),
      view: new EncodedBody(Buffer.from(JSON.stringify(this.slim(data)))),
      nameIndex: null,
    };
  }
}

/** The best encoding the client accepts: brotli, then gzip, else none. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = (acceptEncoding ?? "").toLowerCase();
  if (/\bbr\b/.test(accepted)) return "br";
  if (/\bgzip\b/.test(accepted)) return "gzip";
  return "identity";
}
