// The per-article detail of the graph — where each entity is mentioned, which sentences back
// each relation — kept in columns of 32-bit integers instead of millions of small objects, and
// the quoted sentences kept apart (on disk in the streaming build). At 100,000 articles there
// are about 5 million mentions and 2 million pieces of evidence: as objects with their own
// strings they were most of the build's memory (≈ 38 MB per 1,000 articles); as rows they are
// 20–28 bytes each. The graph's nodes and edges refer to lists of rows, and the rows become
// the `mentions` and `evidence` of graph.json only when each node or edge is written.
import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { takeOver } from "../pipeline/kept-file.ts";
import type { Evidence, Mention } from "../graph/types.ts";

/**
 * A growable column of numbers (grows by half: one column's copy at a time is the transient cost):
 * 32-bit integers, or doubles for offsets that may pass 2 GB.
 */
class Column<A extends Int32Array | Float64Array> {
  data: A;
  length = 0;

  /**
   * A column holding `rows` (none: empty), with room to grow. Rows that begin an array with room
   * after them (`roomyRows`: a saved table read back) are taken as they are, not copied.
   */
  constructor(private readonly make: (size: number) => A, rows?: A) {
    if (rows && roomy.delete(rows)) {
      this.data = (rows instanceof Float64Array ? new Float64Array(rows.buffer) : new Int32Array(rows.buffer)) as A;
      this.length = rows.length;
      return;
    }
    this.data = make(Math.max(1024, Math.ceil((rows?.length ?? 0) * 1.5)));
    if (rows) {
      this.data.set(rows);
      this.length = rows.length;
    }
  }

  push(value: number): number {
    if (this.length === this.data.length) {
      const bigger = this.make(Math.ceil(this.data.length * 1.5));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = value;
    return this.length++;
  }

  /** The rows so far (a view, not a copy). */
  get rows(): A {
    return this.data.subarray(0, this.length) as A;
  }
}

/** Rows made by `roomyRows` and not yet taken by a column. */
const roomy = new WeakSet<Int32Array | Float64Array>();

/**
 * `length` rows at the start of an array with the room a column would give them: read into, they
 * become a column without a copy (the first column given them takes them; any other copies them).
 */
export function roomyRows<A extends Int32Array | Float64Array>(make: (size: number) => A, length: number): A {
  const rows = make(Math.max(1024, Math.ceil(length * 1.5))).subarray(0, length) as A;
  roomy.add(rows);
  return rows;
}

type IntColumn = Column<Int32Array>;
const intColumn = (rows?: Int32Array): IntColumn => new Column((size) => new Int32Array(size), rows);
const floatColumn = (rows?: Float64Array) => new Column((size) => new Float64Array(size), rows);

/** Rows chained in the order they were appended: first and last row, -1 when empty. */
export interface RowList {
  first: number;
  last: number;
}

export const emptyList = (): RowList => ({ first: -1, last: -1 });

/** Chains `row` at the end of `list` through the `next` column of its table. */
function chain(list: RowList, next: IntColumn, row: number): void {
  if (list.last === -1) list.first = row;
  else next.data[list.last] = row;
  list.last = row;
}

/** Quoted sentences by number: `put` files a quote, `get` gives it back. */
export interface QuoteStore {
  put(quote: string): number;
  get(id: number): string;
  close(): void;
}

/** Quotes held as strings (small builds, tests, eval). */
export class MemoryQuotes implements QuoteStore {
  private readonly quotes: string[] = [];
  put(quote: string): number {
    return this.quotes.push(quote) - 1;
  }
  get(id: number): string {
    return this.quotes[id]!;
  }
  close(): void {}
}

/**
 * A quotes file up to this size is read whole when graph.json asks for its first quote: one read
 * instead of one per quote (184,000 at 10,000 articles, ≈ 5 µs each, on the one thread that writes
 * graph.json). A larger one (210 MB at 100,000 articles) is read quote by quote: memory stays bounded.
 */
const READ_WHOLE_UP_TO = 64 << 20;

/** Quotes written to a scratch file (UTF-8), read back when graph.json is written. */
export class FileQuotes implements QuoteStore {
  private fd: number;
  /** The file as it was at the first `get`, if small enough to hold. */
  private whole: Buffer | undefined;
  private offsets = floatColumn();
  private lengths = intColumn();
  private size = 0;
  private pending: Buffer[] = [];
  private pendingSize = 0;
  private keptAs: string | undefined;

  /**
   * `path` is a scratch file of this build, removed by `close` (unless `keepOnClose`);
   * `readWholeUpTo` bytes, the largest file read whole.
   */
  constructor(
    private readonly path: string,
    private readonly readWholeUpTo = READ_WHOLE_UP_TO,
  ) {
    this.fd = openSync(path, "w+");
  }

  /** Where each quote is in the file, and the file's size (for a saved resolution: pipeline/resolution-cache.ts). */
  get spans(): QuoteSpans {
    this.flush();
    return { offsets: this.offsets.rows, lengths: this.lengths.rows, size: this.size };
  }

  /**
   * Continues the quotes file `kept` (of `spans`) instead of the empty scratch file: `kept` is
   * moved to the scratch path first, so that no other build can take it too. False (and nothing
   * changed) when `kept` is gone or is not the size `spans` say.
   */
  adopt(kept: string, spans: QuoteSpans): boolean {
    if (this.lengths.length > 0) throw new Error("FileQuotes.adopt: quotes were already put");
    const { fd, taken } = takeOver(kept, this.path, this.fd, spans.size);
    this.fd = fd;
    if (!taken) return false;
    this.offsets = floatColumn(spans.offsets);
    this.lengths = intColumn(spans.lengths);
    this.size = spans.size;
    return true;
  }

  /** `close` keeps the file under `path` instead of removing it (a saved resolution names it). */
  keepOnClose(path: string): void {
    this.keptAs = path;
  }

  put(quote: string): number {
    const bytes = Buffer.from(quote, "utf8");
    this.offsets.push(this.size);
    const id = this.lengths.push(bytes.length);
    this.size += bytes.length;
    this.pending.push(bytes);
    this.pendingSize += bytes.length;
    if (this.pendingSize >= 1 << 20) this.flush();
    return id;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const bytes = Buffer.concat(this.pending);
    writeSync(this.fd, bytes, 0, bytes.length, this.size - this.pendingSize);
    this.pending = [];
    this.pendingSize = 0;
  }

  get(id: number): string {
    this.flush();
    const length = this.lengths.data[id]!;
    const offset = this.offsets.data[id]!;
    if (this.whole === undefined && this.size <= this.readWholeUpTo) this.whole = this.read(0, this.size);
    // a quote put after that first read is past the end of `whole`
    if (this.whole !== undefined && offset + length <= this.whole.length) return this.whole.toString("utf8", offset, offset + length);
    return this.read(offset, length).toString("utf8");
  }

  private read(offset: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const n = readSync(this.fd, bytes, read, length - read, offset + read);
      if (n === 0) throw new Error(`the quotes file ${this.path} ends before byte ${offset + length}`);
      read += n;
    }
    return bytes;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    if (this.keptAs !== undefined) renameSync(this.path, this.keptAs);
    else rmSync(this.path, { force: true });
  }
}

/** Each quote's byte offset and length in a quotes file, and the file's size. */
export interface QuoteSpans {
  offsets: Float64Array;
  lengths: Int32Array;
  size: number;
}

/**
 * A Details table's rows and names as they are: the mention columns (article, sentence, start,
 * end, next) and the evidence columns (article, sentence, start, end, quote, rule, next), as views.
 */
export interface DetailsColumns {
  articleIds: string[];
  rules: string[];
  mentions: Int32Array[];
  evidence: Int32Array[];
  /** The weight columns: article, confidence, next. */
  weights: [Int32Array, Float64Array, Int32Array];
}

const MENTION_COLUMNS = ["article", "sentence", "start", "end", "next"] as const;
const EVIDENCE_COLUMNS = ["article", "sentence", "start", "end", "quote", "rule", "next"] as const;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Mentions and evidence of a whole corpus, as rows; articles by number in the order they were added. */
export class Details {
  /** Article ids by number. */
  readonly articleIds: string[] = [];
  private readonly m = { article: intColumn(), sentence: intColumn(), start: intColumn(), end: intColumn(), next: intColumn() };
  private readonly e = {
    article: intColumn(), sentence: intColumn(), start: intColumn(), end: intColumn(),
    quote: intColumn(), rule: intColumn(), next: intColumn(),
  };
  /** Each statement of a relation's confidence, with its article: the confidence is folded in the order of the articles (Resolver). */
  private w = { article: intColumn(), value: floatColumn(), next: intColumn() };
  private readonly rules: string[] = [];
  private readonly ruleIds = new Map<string, number>();
  private ranks: Int32Array | undefined;

  constructor(readonly quotes: QuoteStore = new MemoryQuotes()) {}

  addArticle(id: string): number {
    this.ranks = undefined;
    return this.articleIds.push(id) - 1;
  }

  addMention(list: RowList, article: number, sentence: number, start: number, end: number): void {
    const { m } = this;
    m.article.push(article);
    m.sentence.push(sentence);
    m.start.push(start);
    m.end.push(end);
    chain(list, m.next, m.next.push(-1));
  }

  /** A piece of evidence, not yet in any list; `quote` is a QuoteStore id. */
  evidence(article: number, sentence: number, start: number, end: number, quote: number, rule: string | undefined): number {
    const { e } = this;
    let ruleId = -1;
    if (rule !== undefined) {
      ruleId = this.ruleIds.get(rule) ?? this.rules.push(rule) - 1;
      this.ruleIds.set(rule, ruleId);
    }
    e.article.push(article);
    e.sentence.push(sentence);
    e.start.push(start);
    e.end.push(end);
    e.quote.push(quote);
    e.rule.push(ruleId);
    return e.next.push(-1);
  }

  /** Appends a copy of evidence row `row` to `list` (a row belongs to one list at most). */
  appendEvidence(list: RowList, row: number): void {
    const { e } = this;
    const copy = this.evidence(e.article.data[row]!, e.sentence.data[row]!, e.start.data[row]!, e.end.data[row]!, e.quote.data[row]!, undefined);
    e.rule.data[copy] = e.rule.data[row]!;
    chain(list, e.next, copy);
  }

  /** Appends a statement of confidence `value` from article `article` to `list`. */
  addWeight(list: RowList, article: number, value: number): void {
    const { w } = this;
    w.article.push(article);
    w.value.push(value);
    chain(list, w.next, w.next.push(-1));
  }

  /** The article of the last statement of `list` (-1: none). */
  lastWeightArticle(list: RowList): number {
    return list.last === -1 ? -1 : this.w.article.data[list.last]!;
  }

  /**
   * `list`'s statements put in the order of `order` (article numbers → places; rows of one article
   * keep theirs), and the confidence they give, folded in that order as Resolver.addRelation does.
   */
  reorderWeights(list: RowList, order: ArrayLike<number>): number {
    const { w } = this;
    const rows = this.rows(list, w.next).sort((a, b) => order[w.article.data[a]!]! - order[w.article.data[b]!]! || a - b);
    let confidence = 0;
    rows.forEach((row, i) => {
      w.next.data[row] = rows[i + 1] ?? -1;
      confidence = 1 - (1 - confidence) * (1 - w.value.data[row]!);
    });
    list.first = rows[0] ?? -1;
    list.last = rows[rows.length - 1] ?? -1;
    return confidence;
  }

  /** The article (by number) of mention row `row`. */
  mentionArticle(row: number): number {
    return this.m.article.data[row]!;
  }

  /** Whether any evidence of `list` comes from an article whose flag is set (flags by article number). */
  evidenceFrom(list: RowList, flags: Uint8Array): boolean {
    const { e } = this;
    for (let row = list.first; row !== -1; row = e.next.data[row]!) if (flags[e.article.data[row]!] === 1) return true;
    return false;
  }

  evidenceArticle(row: number): number {
    return this.e.article.data[row]!;
  }

  evidenceSentence(row: number): number {
    return this.e.sentence.data[row]!;
  }

  /** Whether `list` holds evidence from sentence `sentence` of article `article`. */
  quotesSentence(list: RowList, article: number, sentence: number): boolean {
    const { e } = this;
    for (let row = list.first; row !== -1; row = e.next.data[row]!) {
      if (e.article.data[row] === article && e.sentence.data[row] === sentence) return true;
    }
    return false;
  }

  private rows(list: RowList, next: IntColumn): number[] {
    const rows: number[] = [];
    for (let row = list.first; row !== -1; row = next.data[row]!) rows.push(row);
    return rows;
  }

  /** Each article's place in the order of its id (graph.json lists mentions and evidence by article id, then offset). */
  private rank(): Int32Array {
    if (this.ranks) return this.ranks;
    const order = this.articleIds.map((_, i) => i).sort((a, b) => byText(this.articleIds[a]!, this.articleIds[b]!));
    const ranks = new Int32Array(order.length);
    order.forEach((article, place) => (ranks[article] = place));
    return (this.ranks = ranks);
  }

  /** Rows of `list` by article id, then start; rows that tie keep the order they were added in. */
  private sorted(list: RowList, columns: { article: IntColumn; start: IntColumn; next: IntColumn }): number[] {
    const rank = this.rank();
    const article = columns.article.data;
    const start = columns.start.data;
    return this.rows(list, columns.next).sort((a, b) => rank[article[a]!]! - rank[article[b]!]! || start[a]! - start[b]! || a - b);
  }

  private mention(row: number): Mention {
    const { m } = this;
    return { article: this.articleIds[m.article.data[row]!]!, sentence: m.sentence.data[row]!, start: m.start.data[row]!, end: m.end.data[row]! };
  }

  private evidenceAt(row: number): Evidence {
    const { e } = this;
    const rule = e.rule.data[row]!;
    const evidence: Evidence = {
      article: this.articleIds[e.article.data[row]!]!,
      sentence: e.sentence.data[row]!,
      quote: this.quotes.get(e.quote.data[row]!),
      start: e.start.data[row]!,
      end: e.end.data[row]!,
    };
    if (rule !== -1) evidence.rule = this.rules[rule]!;
    return evidence;
  }

  /** The mentions of `list` in the order they were added. */
  mentionsOf(list: RowList): Mention[] {
    return this.rows(list, this.m.next).map((row) => this.mention(row));
  }

  /** The evidence of `list` in the order it was added. */
  evidenceOf(list: RowList): Evidence[] {
    return this.rows(list, this.e.next).map((row) => this.evidenceAt(row));
  }

  /** The mentions of `list` as graph.json lists them: by article id, then offset. */
  sortedMentions(list: RowList): Mention[] {
    return this.sorted(list, this.m).map((row) => this.mention(row));
  }

  /** The same for evidence. */
  sortedEvidence(list: RowList): Evidence[] {
    return this.sorted(list, this.e).map((row) => this.evidenceAt(row));
  }

  /** The ids of the articles `list`'s mentions (or evidence) come from, each once, in id order. */
  articlesOf(list: RowList, of: "mentions" | "evidence"): string[] {
    const columns = of === "mentions" ? this.m : this.e;
    const rank = this.rank();
    const seen = new Set<number>();
    for (let row = list.first; row !== -1; row = columns.next.data[row]!) seen.add(columns.article.data[row]!);
    return [...seen].sort((a, b) => rank[a]! - rank[b]!).map((a) => this.articleIds[a]!);
  }

  /** Its rows as they are, to be saved (views: valid until the next row is added). */
  columns(): DetailsColumns {
    return {
      articleIds: this.articleIds,
      rules: this.rules,
      mentions: MENTION_COLUMNS.map((c) => this.m[c].rows),
      evidence: EVIDENCE_COLUMNS.map((c) => this.e[c].rows),
      weights: [this.w.article.rows, this.w.value.rows, this.w.next.rows],
    };
  }

  /** Takes the rows of a saved table (`columns`); this one must be empty, and its quote store hold the saved quotes. */
  restore(saved: DetailsColumns): void {
    if (this.articleIds.length > 0 || this.m.next.length > 0 || this.e.next.length > 0 || this.w.next.length > 0) throw new Error("Details.restore: the table is not empty");
    for (const id of saved.articleIds) this.articleIds.push(id);
    saved.rules.forEach((rule, id) => {
      this.rules.push(rule);
      this.ruleIds.set(rule, id);
    });
    MENTION_COLUMNS.forEach((c, i) => (this.m[c] = intColumn(saved.mentions[i]!)));
    EVIDENCE_COLUMNS.forEach((c, i) => (this.e[c] = intColumn(saved.evidence[i]!)));
    const [article, value, next] = saved.weights;
    this.w = { article: intColumn(article), value: floatColumn(value), next: intColumn(next) };
    this.ranks = undefined;
  }

  close(): void {
    this.quotes.close();
  }
}
