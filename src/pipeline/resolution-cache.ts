// Resolution kept between builds. Resolving reads every record of the store back and adds it to
// the resolver, in store order: a third of a rebuild's time after a small change, and linear in
// the corpus. A build saves the resolver as it stands after the last record (before `finish`,
// which changes it) in OUT/.diplograph/resolution.bin, with the digests of the records it added
// and each one's place in that build's order, and keeps the quotes file its evidence points into.
// The next build resumes from it and adds only the records it does not hold, wherever they are
// in the order (the resolver makes each choice that depends on the order by the articles' places:
// resolve.ts) — when, and only when, that is the same as adding every record again:
// - every saved record is among this build's, in the same order among themselves (new articles
//   may come anywhere between them: the next day's news, or a file whose name sorts in the
//   middle); a record dropped or changed, or the old ones in another order, and the records are
//   added again from the first;
// - the survey's outcome is the same (documents merged, meetings split by year: they decide which
//   key an old record's mentions are filed under);
// - the state was written by this version of the resolver (a digest of src/resolve and of this
//   module), on a machine of the same byte order, is whole (a sha256 of its bytes closes it), and
//   its quotes file is there at the size it names.
// Any doubt, and resolution reads the whole store as it always did. Resuming adds the new
// records to exactly the state the earlier ones left: the rows, entities and relations are those
// of a full resolution, so graph.json is the same bytes (test/unit/build-incremental.test.ts).
import { createHash, type Hash } from "node:crypto";
import { closeSync, fstatSync, openSync, readdirSync, readSync, rmSync } from "node:fs";
import { endianness } from "node:os";
import { join } from "node:path";
import { isRunning, writeFileAtomicFrom } from "../graph/write-atomic.ts";
import { FileQuotes, roomyRows, type DetailsColumns } from "../resolve/details.ts";
import type { Resolver } from "../resolve/resolve.ts";
import { draftsOf, RELATION_WIDTH, resolverState, type ResolverState, type SavedEntity, type SavedRelations } from "../resolve/resolver-state.ts";
import { sourceDigest } from "./extractor-version.ts";

export const RESOLUTION_FILE = "resolution.bin";
const MAGIC = Buffer.from("diplograph resolution state 2\n");
const DIGEST_BYTES = 32;
/** A kept quotes file: `quotes.<pid>.<ms>.bin`. */
const QUOTES_NAME = /^quotes\.(\d+)\.\d+\.bin$/;

/** How records are resolved together, and how the state is written: a state of another version is not resumed. */
const resolverVersion = () => sourceDigest(["resolve", "pipeline/resolution-cache", "pipeline/article-record"]);

interface Header {
  version: string;
  endian: string;
  /** The survey's outcome the records were added under (Resolver.surveyOutcome). */
  survey: string;
  /** Records added (their digests follow the header, by article number, then each one's place in that build's order). */
  records: number;
  /** The quotes file the evidence rows point into, kept beside this file. */
  quotes: { file: string; count: number; size: number };
  articleIds: string[];
  rules: string[];
  entities: SavedEntity[];
  relationTypes: SavedRelations["types"];
  waiting: ResolverState["waiting"];
  rows: { mentions: number; evidence: number; weights: number; relations: number };
}

const MENTION_COLUMNS = 5;
const EVIDENCE_COLUMNS = 7;

/** What a rebuild resumed from: records of the previous build not added again, and the places (in this build's order) of the rest. */
export type Resumption = { resumed: number; fresh: number[] } | { reason: string };

const bytesOf = (array: Int32Array | Float64Array | Buffer) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/** The saved state of the previous build, read as far as its digests and places: the rest is read only if it is resumed. */
interface Saved {
  fd: number;
  hash: Hash;
  position: number;
  header: Header;
  digests: Buffer;
  /** Each saved article's place in the previous build's order. */
  places: Int32Array;
  /** Article number by digest. */
  articles: Map<string, number>;
}

/** The previous build's resolution, checked against this build's records as they are stored, and this build's saved for the next. */
export class ResolutionCache {
  /** This build's records, in store order. */
  private readonly digests: string[] = [];
  /** The saved articles' places in this build's order (-1: not seen yet). */
  private places: Int32Array | undefined;
  /** Saved records seen so far, and the saved place of the last one. */
  private matched = 0;
  private lastPlace = -1;
  /** This build's places of the records the saved state does not hold. */
  private readonly fresh: number[] = [];
  private why: string | undefined;

  private constructor(
    private readonly storeDir: string,
    private saved: Saved | undefined,
    reason: string | undefined,
  ) {
    this.why = reason;
    if (saved) this.places = new Int32Array(saved.header.records).fill(-1);
  }

  /** The state in `storeDir`, unless `fresh`; never throws (a state that cannot be read is not resumed, and says why). */
  static open(storeDir: string, fresh: boolean): ResolutionCache {
    if (fresh) return new ResolutionCache(storeDir, undefined, "--fresh");
    let fd: number;
    try {
      fd = openSync(join(storeDir, RESOLUTION_FILE), "r");
    } catch {
      return new ResolutionCache(storeDir, undefined, "no saved resolution");
    }
    try {
      const hash = createHash("sha256");
      let position = 0;
      const take = (length: number) => {
        const bytes = readExactly(fd, position, length);
        hash.update(bytes);
        position += length;
        return bytes;
      };
      if (!take(MAGIC.length).equals(MAGIC)) throw new Error("not a resolution state");
      const header = JSON.parse(take(take(4).readUInt32LE(0)).toString("utf8")) as Header;
      if (header.version !== resolverVersion() || header.endian !== endianness()) {
        closeSync(fd);
        return new ResolutionCache(storeDir, undefined, "the saved resolution is of another version");
      }
      const digests = take(header.records * DIGEST_BYTES);
      const placeBytes = take(header.records * 4);
      const places = new Int32Array(placeBytes.buffer.slice(placeBytes.byteOffset, placeBytes.byteOffset + placeBytes.byteLength));
      const articles = new Map<string, number>();
      for (let a = 0; a < header.records; a++) articles.set(digests.toString("hex", a * DIGEST_BYTES, (a + 1) * DIGEST_BYTES), a);
      if (articles.size !== header.records) throw new Error("a digest twice");
      return new ResolutionCache(storeDir, { fd, hash, position, header, digests, places, articles }, undefined);
    } catch {
      closeSync(fd);
      return new ResolutionCache(storeDir, undefined, "the saved resolution is damaged");
    }
  }

  /** Each record of this build, in its order. */
  follow(digest: string): void {
    const place = this.digests.length;
    this.digests.push(digest);
    const saved = this.saved;
    if (!saved || this.why !== undefined) return;
    const article = saved.articles.get(digest);
    if (article === undefined) {
      this.fresh.push(place);
      return;
    }
    if (saved.places[article]! < this.lastPlace) this.why = "the previous build's records are in another order";
    this.lastPlace = saved.places[article]!;
    this.places![article] = place;
    this.matched++;
  }

  /**
   * Gives `resolver` (surveyed, nothing added yet) the saved state when it may resume from it,
   * and says which records (by place in the new store) are still to add; else why not (and the
   * resolver is as it was).
   */
  resume(resolver: Resolver): Resumption {
    const saved = this.saved;
    this.saved = undefined;
    if (!saved) return { reason: this.why! };
    try {
      if (this.why !== undefined) return { reason: this.why };
      const { header } = saved;
      if (this.matched < header.records) return { reason: "a record of the previous build was changed or dropped" };
      if (resolver.surveyOutcome() !== header.survey) return { reason: "the survey's outcome changed (documents merged or meetings split by year)" };
      const { rows, quotes: q } = header;
      const size = saved.position + 4 * ((MENTION_COLUMNS * rows.mentions) + (EVIDENCE_COLUMNS * rows.evidence) + (2 * rows.weights) + (RELATION_WIDTH * rows.relations) + q.count)
        + 8 * (rows.weights + rows.relations + q.count) + DIGEST_BYTES;
      if (fstatSync(saved.fd).size !== size) return { reason: "the saved resolution is damaged" };
      let position = saved.position;
      const fill = <T extends Int32Array | Float64Array>(array: T): T => {
        readInto(saved.fd, position, bytesOf(array));
        saved.hash.update(bytesOf(array));
        position += array.byteLength;
        return array;
      };
      // the columns Details and the quotes grow are read into arrays with room to grow: taken as they are
      const ints = (length: number) => fill(roomyRows((n) => new Int32Array(n), length));
      const floats = (length: number) => fill(roomyRows((n) => new Float64Array(n), length));
      const mentions = Array.from({ length: MENTION_COLUMNS }, () => ints(rows.mentions));
      const evidence = Array.from({ length: EVIDENCE_COLUMNS }, () => ints(rows.evidence));
      const weights: DetailsColumns["weights"] = [ints(rows.weights), floats(rows.weights), ints(rows.weights)];
      const ends = fill(new Int32Array(rows.relations * RELATION_WIDTH));
      const confidence = fill(new Float64Array(rows.relations));
      const offsets = floats(q.count);
      const lengths = ints(q.count);
      if (!readExactly(saved.fd, position, DIGEST_BYTES).equals(saved.hash.digest())) return { reason: "the saved resolution is damaged" };
      const drafts = draftsOf({ entities: header.entities, relations: { types: header.relationTypes, ends, confidence } });
      // the last check, and the first change: the quotes file is taken only when everything else is sound
      const { quotes } = resolver.details;
      if (!QUOTES_NAME.test(q.file) || !(quotes instanceof FileQuotes) || !quotes.adopt(join(this.storeDir, q.file), { offsets, lengths, size: q.size })) {
        return { reason: "the saved resolution's quotes are missing or damaged" };
      }
      const details: DetailsColumns = { articleIds: header.articleIds, rules: header.rules, mentions, evidence, weights };
      resolver.details.restore(details);
      resolver.resume(drafts.entities, drafts.relations, this.places!, header.waiting);
      return { resumed: header.records, fresh: this.fresh };
    } catch {
      return { reason: "the saved resolution is damaged" };
    } finally {
      closeSync(saved.fd);
    }
  }

  /**
   * Saves `resolver` as it stands, every record of this build added (call after `settle`, before
   * `finish`), for the next build; its quotes file is kept beside it when the resolver's Details are closed.
   */
  async save(resolver: Resolver): Promise<void> {
    const { quotes } = resolver.details;
    const path = join(this.storeDir, RESOLUTION_FILE);
    if (!(quotes instanceof FileQuotes)) {
      rmSync(path, { force: true });
      return;
    }
    const quotesFile = `quotes.${process.pid}.${Date.now()}.bin`;
    const spans = quotes.spans;
    const details = resolver.details.columns();
    const state = resolverState(resolver);
    const header: Header = {
      version: resolverVersion(),
      endian: endianness(),
      survey: resolver.surveyOutcome(),
      records: state.places.length,
      quotes: { file: quotesFile, count: spans.lengths.length, size: spans.size },
      articleIds: details.articleIds,
      rules: details.rules,
      entities: state.entities,
      relationTypes: state.relations.types,
      waiting: state.waiting,
      rows: { mentions: details.mentions[0]!.length, evidence: details.evidence[0]!.length, weights: details.weights[0].length, relations: state.relations.confidence.length },
    };
    const json = Buffer.from(JSON.stringify(header));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    // each article's digest, by number
    const digests = Buffer.allocUnsafe(state.places.length * DIGEST_BYTES);
    state.places.forEach((place, a) => digests.write(this.digests[place]!, a * DIGEST_BYTES, DIGEST_BYTES, "hex"));
    const hash = createHash("sha256");
    const pieces = [MAGIC, length, json, digests, state.places, ...details.mentions, ...details.evidence, ...details.weights, state.relations.ends, state.relations.confidence, spans.offsets, spans.lengths].map(bytesOf);
    removeOtherQuotes(this.storeDir);
    await writeFileAtomicFrom(path, (function* () {
      for (const piece of pieces) {
        hash.update(piece);
        yield piece;
      }
      yield hash.digest();
    })());
    quotes.keepOnClose(join(this.storeDir, quotesFile));
  }

  close(): void {
    if (this.saved) closeSync(this.saved.fd);
    this.saved = undefined;
  }
}

function readInto(fd: number, position: number, bytes: Uint8Array): void {
  let read = 0;
  while (read < bytes.length) {
    const n = readSync(fd, bytes, read, bytes.length - read, position + read);
    if (n === 0) throw new Error("the resolution state ends early");
    read += n;
  }
}

function readExactly(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  readInto(fd, position, bytes);
  return bytes;
}

/** Kept quotes files whose build is over (the one this build adopted was moved away; a build still running keeps its own). */
function removeOtherQuotes(storeDir: string): void {
  for (const name of readdirSync(storeDir)) {
    const pid = QUOTES_NAME.exec(name)?.[1];
    if (pid !== undefined && (Number(pid) === process.pid || !isRunning(Number(pid)))) rmSync(join(storeDir, name), { force: true });
  }
}
