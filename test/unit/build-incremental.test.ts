// Incremental builds (pipeline/file-cache.ts, layout-cache.ts, graph/layout.ts): the same graph.json,
// byte for byte, from a clean build with one worker, with two, from two shards and from an
// incremental rebuild after files were added, changed and deleted — with the layout off, since a
// rebuild keeps the previous picture where a clean build lays everything out. With the layout on,
// the rebuild differs from the clean build only in positions, and every node of the previous
// picture keeps its own. Unchanged files are not read again; any doubt and they are.
import { execFileSync } from "node:child_process";
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import { buildToFile, type StreamBuildOptions } from "../../src/pipeline/build-to-file.ts";
import { FILES_CACHE } from "../../src/pipeline/file-cache.ts";
import { GRAPH_LINES_FILE, IndexedGraphFile } from "../../src/pipeline/graph-lines.ts";
import { RECORDS_FILE } from "../../src/pipeline/record-store.ts";
import { RESOLUTION_FILE } from "../../src/pipeline/resolution-cache.ts";
import { buildFromShards, extractShard } from "../../src/pipeline/shards.ts";
import { articleFileName, writeCorpus } from "../../scripts/synth-corpus.ts";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";

const scratch = () => mkdtempSync(join(tmpdir(), "diplograph-incremental-"));
/** An hour ago: files older than the previous build's start, as a corpus normally is (newer ones are read again, see file-cache.ts). */
const HOUR_AGO = new Date(Date.now() - 3_600_000);

function age(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), HOUR_AGO, HOUR_AGO);
  }
}

/** The samples, the fixture sets and 60 synthetic articles in one folder, aged. */
function corpus(): string {
  const dir = scratch();
  cpSync(join(PROJECT_ROOT, "graph/articles"), dir, { recursive: true });
  for (const set of ["unseen", "blind", "blind2", "blind3"]) cpSync(join(PROJECT_ROOT, "test/fixtures", set), join(dir, set), { recursive: true });
  writeCorpus(join(dir, "synth"), 60, 1);
  age(dir);
  return dir;
}

async function build(dir: string, out: string, options: StreamBuildOptions = {}) {
  const result = await buildToFile(dir, join(out, "graph.json"), { jobs: 1, ...options });
  return { result, bytes: readFileSync(join(out, "graph.json"), "utf8") };
}

/** Positions left out, the rest as it is: what a rebuild and a clean build must share. */
const withoutPositions = (json: string) =>
  JSON.stringify((JSON.parse(json) as SerializedKnowledgeGraph).nodes.map(({ key, attributes }) => {
    const rest: Record<string, unknown> = { ...attributes };
    delete rest.x;
    delete rest.y;
    return { key, rest };
  }));

const positions = (json: string) =>
  new Map((JSON.parse(json) as SerializedKnowledgeGraph).nodes.map((n) => [n.key, [n.attributes!.x, n.attributes!.y]]));

/**
 * Every line of `graphFile` by its node's key or its edge's `type:source->target`, with the
 * generation its build's index gives it, and the index's lineage; undefined without a valid index.
 */
function indexedLines(graphFile: string) {
  const file = IndexedGraphFile.open(graphFile);
  try {
    const index = file.index;
    if (!index) return undefined;
    const read = (offset: number, length: number) => {
      const bytes = Buffer.alloc(length);
      readSync(file.fd, bytes, 0, length, offset);
      return bytes.toString("utf8");
    };
    const lines = new Map<string, { line: string; generation: number }>();
    for (const [key, offset, length, generation] of index.nodes) lines.set(key, { line: read(offset, length), generation });
    for (const [type, s, t, offset, length, generation] of index.edges) lines.set(`${type}:${index.nodes[s]![0]}->${index.nodes[t]![0]}`, { line: read(offset, length), generation });
    return { build: index.build, generation: index.generationOf(index.build)!, lines };
  } finally {
    file.close();
  }
}

/** The change between the two builds: a file added, one changed, one deleted, `added` synthetic articles added. */
function change(dir: string, added = 10): void {
  copyFileSync(join(PROJECT_ROOT, "graph/articles/001_e970c5ff869cd3a7.txt"), join(dir, "blind", "b06.txt")); // added (a duplicate: warned, read once)
  const more = scratch(); // the next ten articles of the generator, as the next day's news
  writeCorpus(more, 60 + added, 1);
  for (let i = 60; i < 60 + added; i++) copyFileSync(join(more, articleFileName(i)), join(dir, "synth", articleFileName(i)));
  appendFileSync(join(dir, "003_b8323a25ea180b39.txt"), "\nHội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 99 đã thông qua Tuyên bố Hà Nội về hợp tác biển.\n");
  rmSync(join(dir, "004_c663cb063f797fa1.txt"));
}

/** A dated one-paragraph article. */
const dated = (title: string, day: string, text: string) => `${title}\n\nPV| ${day} 10:00\n\n${text}\n`;

/** Writes an article in `zz/`, which comes after every other file: the records after the previous build's. */
function addLast(dir: string, name: string, text: string): void {
  mkdirSync(join(dir, "zz"), { recursive: true });
  writeFileSync(join(dir, "zz", name), text);
}

const nodeOf = (json: string, key: string) => (JSON.parse(json) as SerializedKnowledgeGraph).nodes.find((n) => n.key === key);
const cleanBytes = async (dir: string) => (await build(dir, scratch(), { layout: false, fresh: true })).bytes;

describe("incremental build", () => {
  it("gives the clean build's bytes from --jobs 1, --jobs 2, two shards and a rebuild after files were added, changed and deleted (layout off)", async () => {
    const dir = corpus();
    const out = scratch();
    const first = await build(dir, out, { layout: false });
    change(dir);
    const rebuilt = await build(dir, out, { layout: false, jobs: 2 });
    const clean = await build(dir, scratch(), { layout: false, fresh: true });
    const two = await build(dir, scratch(), { layout: false, jobs: 2 });
    const shards = scratch();
    for (const index of [0, 1]) await extractShard(dir, join(shards, `part-${index}.jsonl`), { index, count: 2 }, { jobs: 2 });
    const fromShards = scratch();
    await buildFromShards(shards, join(fromShards, "graph.json"), { layout: false });
    expect(rebuilt.bytes).toBe(clean.bytes);
    expect(two.bytes).toBe(clean.bytes);
    expect(readFileSync(join(fromShards, "graph.json"), "utf8")).toBe(clean.bytes);
    expect(rebuilt.result.warnings).toEqual(clean.result.warnings);
    // the changed file and the ten new articles extracted; the added duplicate read, warned and left out
    expect(rebuilt.result.extracted).toBe(11);
    expect(rebuilt.result.dropped).toBe(2); // the changed file's old record and the deleted file's
    expect(rebuilt.result.reused).toBe(first.result.articles - 2);
    expect(rebuilt.result.unread).toBe(first.result.files - 2);
    expect(rebuilt.result.warnings.some((w) => w.file === join("blind", "b06.txt") && /same article as 001_e970c5ff869cd3a7.txt/.test(w.reason))).toBe(true);
    expect(rebuilt.bytes).not.toContain("004_c663cb063f797fa1");
    // graph.json patched: the lines the change could not touch copied from the first build's
    expect(rebuilt.result.lines!.copied).toBeGreaterThan(0);
    expect(rebuilt.result.lines!.serialised).toBeGreaterThan(0);
    expect(clean.result.lines).toEqual({ copied: 0, serialised: clean.result.nodes + clean.result.edges });
  }, 240_000);

  it("patches graph.json to a clean build's bytes after articles are only added, only deleted, or one is moved to the front of the folder", async () => {
    const dir = corpus();
    const out = scratch();
    await build(dir, out, { layout: false });
    const steps: Array<[string, () => void]> = [
      ["ten added at the end", () => {
        const more = scratch();
        writeCorpus(more, 70, 1);
        for (let i = 60; i < 70; i++) copyFileSync(join(more, articleFileName(i)), join(dir, "synth", articleFileName(i)));
      }],
      ["three deleted", () => {
        for (const i of [3, 30, 65]) rmSync(join(dir, "synth", articleFileName(i)));
      }],
      // the same article under a name that comes first: the new file is kept and the old one is
      // the duplicate, so the entities it names now begin in the first article (where an entity
      // begins decides which later facts are kept)
      ["one moved to the front", () => {
        copyFileSync(join(dir, "synth", articleFileName(40)), join(dir, "000_first.txt"));
      }],
    ];
    for (const [what, step] of steps) {
      const before = indexedLines(join(out, "graph.json"))!;
      step();
      const rebuilt = await build(dir, out, { layout: false });
      const clean = await build(dir, scratch(), { layout: false, fresh: true });
      expect(rebuilt.bytes, what).toBe(clean.bytes);
      expect(rebuilt.result.warnings, what).toEqual(clean.result.warnings);
      expect(rebuilt.result.lines!.copied, what).toBeGreaterThan(0);
      expect(rebuilt.result.lines!.serialised, what).toBeLessThan(clean.result.nodes + clean.result.edges);
      // what the loader relies on: a line of the previous build's generation or older is, byte for
      // byte, the line the previous graph.json had; the lines written now are of the new generation
      const after = indexedLines(join(out, "graph.json"))!;
      expect(after.generation, what).toBe(before.generation + 1);
      let written = 0;
      for (const [key, { line, generation }] of after.lines) {
        if (generation === after.generation) written++;
        else expect(line, `${what}: ${key}`).toBe(before.lines.get(key)?.line);
      }
      expect(written, what).toBe(rebuilt.result.lines!.serialised);
    }
  }, 240_000);

  it("writes graph.json whole when the survey's outcome changes, when the picture is laid out again, or when graph.json is not the one indexed", async () => {
    const dir = corpus();
    const out = scratch();
    writeFileSync(join(dir, "hep-1.txt"), dated("Hội nghị tham vấn tại Phnom Penh", "17/06/2021", "Ngày 17/6/2021, Hội nghị tham vấn chung ASEAN diễn ra tại Phnom Penh."));
    age(dir);
    const first = await build(dir, out, { layout: false });
    // a meeting named alike and dated in another year: the survey splits the name by year
    writeFileSync(join(dir, "hep-2.txt"), dated("Hội nghị tham vấn tại Kota Kinabalu", "28/01/2015", "Từ ngày 27-28/1/2015, Hội nghị tham vấn chung ASEAN diễn ra tại Kota Kinabalu."));
    const split = await build(dir, out, { layout: false });
    expect(split.bytes).toContain("meeting:hoi-nghi-tham-van-chung-asean-2021");
    expect(first.bytes).not.toContain("meeting:hoi-nghi-tham-van-chung-asean-2021");
    expect(split.result.lines!.copied).toBe(0);
    expect(split.bytes).toBe((await build(dir, scratch(), { layout: false, fresh: true })).bytes);
    // written whole: a new lineage, whose first generation is every line's
    const whole = indexedLines(join(out, "graph.json"))!;
    expect(whole.generation).toBe(1);
    expect([...whole.lines.values()].every((l) => l.generation === 1)).toBe(true);

    // graph.json edited by hand since: not the file the index describes
    const graphFile = join(out, "graph.json");
    writeFileSync(graphFile, split.bytes.replace("Phnom Penh", "Phnom-Penh"));
    rmSync(join(dir, "synth", articleFileName(7)));
    expect(indexedLines(graphFile)).toBeUndefined(); // the index no longer describes the file
    const edited = await build(dir, out, { layout: false });
    expect(edited.result.lines!.copied).toBe(0);
    expect(indexedLines(graphFile)!.generation).toBe(1);
    expect(edited.bytes).toBe((await build(dir, scratch(), { layout: false, fresh: true })).bytes);

    // with the layout on, a change past a tenth of the nodes lays everything out again: every line is new
    const laidOut = scratch();
    await build(dir, laidOut);
    const more = scratch();
    writeCorpus(more, 100, 1);
    for (let i = 60; i < 100; i++) copyFileSync(join(more, articleFileName(i)), join(dir, "synth", articleFileName(i)));
    const large = await build(dir, laidOut);
    expect(large.result.placed).toBeUndefined();
    expect(large.result.lines!.copied).toBe(0);
    expect(large.bytes).toBe((await build(dir, scratch(), { fresh: true })).bytes);
  }, 240_000);

  it("keeps graph.json as it was when nothing changed, and builds it when a file is gone, the layout setting differs, or the build that dropped a file stopped before writing it", async () => {
    const dir = corpus();
    const out = scratch();
    const graphFile = join(out, "graph.json");
    const first = await build(dir, out, { layout: false });
    const stamp = () => `${statSync(graphFile).ino}:${statSync(graphFile).mtimeMs}`;
    const before = stamp();
    const again = await build(dir, out, { layout: false });
    expect(again.result.kept).toBe(true);
    expect(stamp()).toBe(before); // not written at all
    expect(again.bytes).toBe(first.bytes);
    expect(again.result.summary).toEqual(first.result.summary);
    expect([again.result.nodes, again.result.edges]).toEqual([first.result.nodes, first.result.edges]);
    expect(again.result.warnings).toEqual(first.result.warnings);
    expect((await build(dir, out, { layout: false })).result.kept).toBe(true); // and again: the cache still names it

    // another layout setting: built
    const laidOut = await build(dir, out);
    expect(laidOut.result.kept).toBeUndefined();
    expect(laidOut.bytes).not.toBe(first.bytes);
    expect((await build(dir, out)).result.kept).toBe(true);

    // a build that dropped a file and stopped while writing graph.json (its store already written):
    // the next one, with the same files, must not keep the graph.json of before the drop
    rmSync(join(dir, "synth", articleFileName(5)));
    const stopped = build(dir, out, {
      onProgress: (stage) => {
        if (stage === "write") throw new Error("stopped");
      },
    });
    await expect(stopped).rejects.toThrow("stopped");
    const after = await build(dir, out);
    expect(after.result.kept).toBeUndefined();
    expect(withoutPositions(after.bytes)).toBe(withoutPositions((await build(dir, scratch(), { fresh: true })).bytes));
    expect(after.bytes).not.toContain(articleFileName(5).replace(/\.txt$/, ""));
    expect((await build(dir, out)).result.kept).toBe(true);

    // --fresh builds it again
    expect((await build(dir, out, { fresh: true })).result.kept).toBeUndefined();
  }, 240_000);

  it("writes graph.json whole when its lines were made by other code (another version of diplograph)", async () => {
    const dir = corpus();
    const out = scratch();
    await build(dir, out, { layout: false });
    // the index as an older diplograph would have left it: its lines made by other code
    const indexFile = join(out, ".diplograph", GRAPH_LINES_FILE);
    const saved = JSON.parse(readFileSync(indexFile, "utf8")) as { writer: string };
    expect(saved.writer).toMatch(/^[0-9a-f]{16}$/);
    writeFileSync(indexFile, JSON.stringify({ ...saved, writer: "0000000000000000" }));
    rmSync(join(dir, "synth", articleFileName(3)));
    const rebuilt = await build(dir, out, { layout: false });
    expect(rebuilt.result.reused).toBeGreaterThan(0); // the records are still reused: only graph.json is made again
    expect(rebuilt.result.lines).toEqual({ copied: 0, serialised: rebuilt.result.nodes + rebuilt.result.edges });
    expect(rebuilt.bytes).toBe((await build(dir, scratch(), { layout: false, fresh: true })).bytes);
    // the index written now is this code's: the next change is patched again
    rmSync(join(dir, "synth", articleFileName(4)));
    expect((await build(dir, out, { layout: false })).result.lines!.copied).toBeGreaterThan(0);
  }, 240_000);

  it("with the layout on, differs from a clean build only in positions, and keeps every old node's place", async () => {
    const dir = corpus();
    const out = scratch();
    const first = await build(dir, out);
    change(dir, 2); // a small change: the old picture is kept (layout.ts, WARM_START_SHARE)
    const rebuilt = await build(dir, out);
    const clean = await build(dir, scratch(), { fresh: true });
    expect(rebuilt.result.placed).toBeGreaterThan(0);
    expect(rebuilt.result.lines!.copied).toBeGreaterThan(0); // patched: the old nodes' lines, positions included, copied
    expect(withoutPositions(rebuilt.bytes)).toBe(withoutPositions(clean.bytes));
    expect(rebuilt.bytes).not.toBe(clean.bytes);
    const before = positions(first.bytes);
    const after = positions(rebuilt.bytes);
    let kept = 0;
    for (const [key, p] of after) {
      if (!before.has(key)) continue;
      expect(p).toEqual(before.get(key));
      kept++;
    }
    expect(kept).toBe(after.size - rebuilt.result.placed!);
    // --fresh lays out from scratch: the clean build's bytes
    const fresh = await build(dir, out, { fresh: true });
    expect(fresh.bytes).toBe(clean.bytes);
    expect(fresh.result.placed).toBeUndefined();
  }, 240_000);

  it("reads again a file whose stamp changed, a file modified just before the last build, and every file when the cache is damaged", async () => {
    const dir = corpus();
    const out = scratch();
    const first = await build(dir, out, { layout: false });
    const again = await build(dir, out, { layout: false });
    expect(again.result.unread).toBe(first.result.files);
    expect(again.result.extracted).toBe(0);
    expect(again.bytes).toBe(first.bytes);

    // same size and modification time, new content: the change time tells
    const file = join(dir, "000_4239434da843aca9.txt");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("ASEAN", "ASEAM"));
    utimesSync(file, HOUR_AGO, HOUR_AGO);
    expect(statSync(file).size).toBe(Buffer.byteLength(text));
    const edited = await build(dir, out, { layout: false });
    expect(edited.result.unread).toBe(first.result.files - 1);
    expect(edited.result.extracted).toBe(1);
    expect(edited.bytes).toContain("ASEAM");

    // modified now (after the last build began, as far as the file system's clock can tell): read
    utimesSync(join(dir, "001_e970c5ff869cd3a7.txt"), new Date(), new Date());
    const racy = await build(dir, out, { layout: false });
    expect(racy.result.unread).toBe(first.result.files - 1);
    expect(racy.result.extracted).toBe(0); // read, and its record reused by digest

    // a damaged cache: every file read, the records still reused by digest, the same bytes
    const store = join(out, ".diplograph");
    const bodies = readdirSync(store).find((n) => n.startsWith("bodies."))!;
    appendFileSync(join(store, bodies), "x");
    const damaged = await build(dir, out, { layout: false });
    expect(damaged.result.unread).toBe(0);
    expect(damaged.result.reused).toBe(first.result.articles);
    expect(damaged.bytes).toBe(edited.bytes);
    writeFileSync(join(store, FILES_CACHE), "{not json\n");
    expect((await build(dir, out, { layout: false })).result.unread).toBe(0);
    // the cache is written again: files are trusted once more (all but one just edited: racy)
    expect((await build(dir, out, { layout: false })).result.unread).toBeGreaterThan(first.result.files / 2);

    // a cache written by other code (diplograph upgraded): every file read again, so that its
    // articles are cleaned and filed under this extractor's digests (here the same, so still reused)
    const cacheFile = join(store, FILES_CACHE);
    const lines = readFileSync(cacheFile, "utf8").trimEnd().split("\n");
    const header = JSON.parse(lines.at(-1)!) as { reader: string };
    expect(header.reader).toMatch(/^[0-9a-f]{16}$/);
    writeFileSync(cacheFile, `${[...lines.slice(0, -1), JSON.stringify({ ...header, reader: "0000000000000000" })].join("\n")}\n`);
    const upgraded = await build(dir, out, { layout: false });
    expect(upgraded.result.unread).toBe(0);
    expect(upgraded.bytes).toBe(damaged.bytes);

    // --fresh reads and extracts everything
    const fresh = await build(dir, out, { layout: false, fresh: true });
    expect(fresh.result.unread).toBe(0);
    expect(fresh.result.reused).toBe(0);
    expect(fresh.bytes).toBe(damaged.bytes);
    expect(readdirSync(store).filter((n) => n.startsWith("bodies."))).toHaveLength(1);
  }, 240_000);

  it("resumes resolution from the previous build's after articles are added at the end, again after a rebuild, and when a label changes: a clean build's bytes", async () => {
    const dir = corpus();
    addLast(dir, "a-declaration.txt", dated("Hội nghị tại Hà Nội", "17/06/2021", "Ngày 17/6/2021, Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 54 đã thông qua Tuyên bố Hà Nội về hợp tác biển."));
    addLast(dir, "a-framework.txt", dated("Khung hợp tác", "17/06/2021", "Ngày 17/6/2021, Hội nghị Cấp cao ASEAN lần thứ 38 đã thông qua Khung hợp tác số."));
    age(dir);
    const out = scratch();
    const first = await build(dir, out, { layout: false });
    expect(first.result.resolution).toEqual({ reason: "no saved resolution" });

    // ten articles added after the others: the previous build's records are not added again
    const more = scratch();
    writeCorpus(more, 76, 1);
    for (let i = 60; i < 70; i++) copyFileSync(join(more, articleFileName(i)), join(dir, "zz", `b-${articleFileName(i)}`));
    const added = await build(dir, out, { layout: false });
    expect(added.result.resolution).toEqual({ resumed: first.result.articles });
    expect(added.bytes).toBe(await cleanBytes(dir));

    // a rebuild after a rebuild, with an article that writes the declaration's name another way, three
    // times against the one time it was written so far: its label changes
    const declaration = "document:tuyen-bo-ha-noi-ve-hop-tac-bien";
    expect(nodeOf(added.bytes, declaration)?.attributes?.label).toBe("Tuyên bố Hà Nội về hợp tác biển");
    addLast(dir, "c-declaration.txt", dated("Tuyên bố", "18/06/2021", "Ngày 18/6/2021, Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 54 đã thông qua Tuyên bố Hà Nội về Hợp tác Biển. Tuyên bố Hà Nội về Hợp tác Biển được các nước hoan nghênh. Bộ trưởng Nguyễn Văn An nói Tuyên bố Hà Nội về Hợp tác Biển rất quan trọng."));
    const relabelled = await build(dir, out, { layout: false });
    expect(relabelled.result.resolution).toEqual({ resumed: first.result.articles + 10 });
    expect(nodeOf(relabelled.bytes, declaration)?.attributes?.label).toBe("Tuyên bố Hà Nội về Hợp tác Biển");
    expect(relabelled.bytes).toBe(await cleanBytes(dir));

    // the framework named with its body's name: the two documents are one (the survey's outcome
    // changed), and every record is added again
    addLast(dir, "d-framework.txt", dated("Khung hợp tác", "19/06/2021", "Ngày 19/6/2021, Hội nghị Cấp cao ASEAN lần thứ 38 đã thông qua Khung hợp tác số ASEAN."));
    const merged = await build(dir, out, { layout: false });
    expect(merged.result.resolution).toEqual({ reason: "the survey's outcome changed (documents merged or meetings split by year)" });
    expect(nodeOf(merged.bytes, "document:khung-hop-tac-so")).toBeUndefined();
    expect(nodeOf(merged.bytes, "document:khung-hop-tac-so-asean")?.attributes?.aliases).toContain("Khung hợp tác số");
    expect(merged.bytes).toBe(await cleanBytes(dir));

    // and the next rebuild resumes from that one's
    for (let i = 70; i < 76; i++) copyFileSync(join(more, articleFileName(i)), join(dir, "zz", `e-${articleFileName(i)}`));
    const after = await build(dir, out, { layout: false });
    expect(after.result.resolution).toEqual({ resumed: merged.result.articles });
    expect(after.bytes).toBe(await cleanBytes(dir));
  }, 240_000);

  it("resumes resolution when articles are filed in the middle of the order and at its front, again after that rebuild, and on a full resolution after a deletion: a clean build's bytes", async () => {
    const dir = corpus();
    const out = scratch();
    const first = await build(dir, out, { layout: false });
    const more = scratch();
    writeCorpus(more, 80, 1);
    const fileAs = (i: number, name: string) => copyFileSync(join(more, articleFileName(i)), join(dir, name));

    // articles whose names sort between the old ones (synth_00010a after synth_00010), and one before them all
    fileAs(60, join("synth", "synth_00010a.txt"));
    fileAs(61, join("synth", "synth_00030a.txt"));
    fileAs(62, join("synth", "synth_00030b.txt"));
    fileAs(63, "000_first.txt");
    writeFileSync(join(dir, "blind", "b00.txt"), dated("Hội nghị", "16/06/2021", "Ngày 16/6/2021, Thứ trưởng Ngoại giao Lê Hoài Trung dự Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 54 tại Jakarta."));
    const middle = await build(dir, out, { layout: false });
    expect(middle.result.resolution).toEqual({ resumed: first.result.articles });
    expect(middle.result.articles).toBe(first.result.articles + 5);
    expect(middle.bytes).toBe(await cleanBytes(dir));

    // a rebuild after that rebuild: the state it saved holds articles out of their order
    fileAs(64, join("synth", "synth_00005a.txt"));
    fileAs(65, join("synth", "synth_00030c.txt"));
    const again = await build(dir, out, { layout: false });
    expect(again.result.resolution).toEqual({ resumed: middle.result.articles });
    expect(again.bytes).toBe(await cleanBytes(dir));

    // an article deleted: every record added again; the state that saves resumes the next insertion
    rmSync(join(dir, "synth", "synth_00030a.txt"));
    const deleted = await build(dir, out, { layout: false });
    expect(deleted.result.resolution).toEqual({ reason: "a record of the previous build was changed or dropped" });
    expect(deleted.bytes).toBe(await cleanBytes(dir));
    fileAs(66, join("synth", "synth_00020a.txt"));
    const after = await build(dir, out, { layout: false });
    expect(after.result.resolution).toEqual({ resumed: deleted.result.articles });
    expect(after.bytes).toBe(await cleanBytes(dir));
  }, 300_000);

  it("adds every record again, to a clean build's bytes, when an article is deleted, or the saved resolution is damaged, of another version or without its quotes; the next rebuild resumes, articles added at the end or in the middle", async () => {
    const dir = corpus();
    const official = "official:pham-van-khiem";
    writeFileSync(join(dir, "only-khiem.txt"), dated("Gặp gỡ", "17/06/2021", "Ngày 17/6/2021, Bộ trưởng Phạm Văn Khiêm dự Hội nghị Cấp cao ASEAN lần thứ 38."));
    age(dir);
    const out = scratch();
    const store = join(out, ".diplograph");
    const first = await build(dir, out, { layout: false });
    expect(nodeOf(first.bytes, official)).toBeDefined();
    let next = 60;
    const more = scratch();
    writeCorpus(more, 75, 1);
    // one article at the end, the next in the middle of the order (after synth_000NN)
    const addOne = () => {
      const name = next % 2 === 0 ? join("zz", articleFileName(next)) : join("synth", `${articleFileName(next - 50).replace(".txt", "")}x.txt`);
      copyFileSync(join(more, articleFileName(next++)), join(dir, name));
    };
    mkdirSync(join(dir, "zz"));

    // the only article naming the official deleted: the official is gone
    rmSync(join(dir, "only-khiem.txt"));
    const deleted = await build(dir, out, { layout: false });
    expect(deleted.result.resolution).toEqual({ reason: "a record of the previous build was changed or dropped" });
    expect(nodeOf(deleted.bytes, official)).toBeUndefined();
    expect(deleted.bytes).toBe(await cleanBytes(dir));

    const state = join(store, RESOLUTION_FILE);
    const spoil: Array<[string, () => void, string]> = [
      ["a byte changed", () => {
        const bytes = readFileSync(state);
        bytes[bytes.length >> 1] = 0xff - bytes[bytes.length >> 1]!;
        writeFileSync(state, bytes);
      }, "the saved resolution is damaged"],
      ["cut short", () => writeFileSync(state, readFileSync(state).subarray(0, 1000)), "the saved resolution is damaged"],
      ["not a state", () => writeFileSync(state, "{}\n"), "the saved resolution is damaged"],
      ["of another version", () => {
        const bytes = readFileSync(state);
        const at = bytes.indexOf('"version":"') + '"version":"'.length;
        bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
        writeFileSync(state, bytes);
      }, "the saved resolution is of another version"],
      ["its quotes gone", () => {
        for (const name of readdirSync(store)) if (name.startsWith("quotes.")) rmSync(join(store, name));
      }, "the saved resolution's quotes are missing or damaged"],
      ["its quotes cut short", () => {
        const quotes = readdirSync(store).find((name) => name.startsWith("quotes."))!;
        writeFileSync(join(store, quotes), readFileSync(join(store, quotes)).subarray(0, 10));
      }, "the saved resolution's quotes are missing or damaged"],
    ];
    for (const [what, step, reason] of spoil) {
      step();
      addOne();
      const rebuilt = await build(dir, out, { layout: false });
      expect(rebuilt.result.resolution, what).toEqual({ reason });
      expect(rebuilt.bytes, what).toBe(await cleanBytes(dir));
      // the state saved again: the next rebuild resumes from it
      addOne();
      const resumed = await build(dir, out, { layout: false });
      expect(resumed.result.resolution, what).toEqual({ resumed: rebuilt.result.articles });
      expect(resumed.bytes, what).toBe(await cleanBytes(dir));
    }
    expect(readdirSync(store).filter((n) => n.startsWith("quotes."))).toHaveLength(1);
  }, 480_000);

  it("continues the store and the bodies file in place while every old record is used (new ones appended, wherever they are filed), and writes the store anew, in order, otherwise", async () => {
    const dir = corpus();
    const out = scratch();
    const store = join(out, ".diplograph");
    const records = join(store, RECORDS_FILE);
    const bodiesFile = () => join(store, readdirSync(store).find((n) => n.startsWith("bodies."))!);
    const cleanStore = async () => {
      const clean = scratch();
      const built = await build(dir, clean, { layout: false, fresh: true });
      return { bytes: built.bytes, records: readFileSync(join(clean, ".diplograph", RECORDS_FILE)) };
    };
    await build(dir, out, { layout: false });
    const first = { records: statSync(records), bodies: statSync(bodiesFile()) };

    // five articles added after the others, and a line a killed build left half-written at the end of the store
    const more = scratch();
    writeCorpus(more, 65, 1);
    mkdirSync(join(dir, "zz"));
    for (let i = 60; i < 65; i++) copyFileSync(join(more, articleFileName(i)), join(dir, "zz", articleFileName(i)));
    appendFileSync(records, '{"digest":"0123');
    const added = await build(dir, out, { layout: false });
    let clean = await cleanStore();
    expect(added.bytes).toBe(clean.bytes);
    expect(readFileSync(records).equals(clean.records)).toBe(true);
    expect(statSync(records).ino).toBe(first.records.ino); // appended to, not written anew
    expect(statSync(bodiesFile()).ino).toBe(first.bodies.ino);
    expect(statSync(bodiesFile()).size).toBeGreaterThan(first.bodies.size);

    // three articles filed in the middle of the order: appended to the old file too, so the store
    // holds a clean build's lines, the new ones last
    const linesOf = (bytes: Buffer) => bytes.toString("utf8").split("\n").filter((line) => line !== "");
    const before = linesOf(readFileSync(records));
    writeCorpus(more, 68, 1);
    for (const [i, name] of [[65, "synth_00007a.txt"], [66, "synth_00020a.txt"], [67, "synth_00020b.txt"]] as const) copyFileSync(join(more, articleFileName(i)), join(dir, "synth", name));
    const middle = await build(dir, out, { layout: false });
    clean = await cleanStore();
    expect(middle.bytes).toBe(clean.bytes);
    const stored = linesOf(readFileSync(records));
    expect(stored.slice(0, before.length)).toEqual(before);
    expect(stored.length).toBe(before.length + 3);
    expect([...stored].sort()).toEqual(linesOf(clean.records).sort());
    expect(readFileSync(records).equals(clean.records)).toBe(false);
    expect(statSync(records).ino).toBe(first.records.ino);

    // an article in between changed: a new store, in the order of the articles
    appendFileSync(join(dir, "003_b8323a25ea180b39.txt"), "\nHội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 99 đã thông qua Tuyên bố Hà Nội về hợp tác biển.\n");
    const changed = await build(dir, out, { layout: false });
    clean = await cleanStore();
    expect(changed.bytes).toBe(clean.bytes);
    expect(readFileSync(records).equals(clean.records)).toBe(true);
    expect(statSync(records).ino).not.toBe(first.records.ino);
    expect(statSync(bodiesFile()).ino).toBe(first.bodies.ino); // the bodies are found by place, not order

    // most articles deleted: the bodies file, by now more than half dead, is written anew
    for (const set of ["synth", "unseen", "blind", "blind2", "blind3", "zz"]) rmSync(join(dir, set), { recursive: true });
    const fewer = await build(dir, out, { layout: false });
    clean = await cleanStore();
    expect(fewer.bytes).toBe(clean.bytes);
    expect(readFileSync(records).equals(clean.records)).toBe(true);
    expect(statSync(bodiesFile()).ino).not.toBe(first.bodies.ino);
    expect(statSync(bodiesFile()).size).toBeLessThan(first.bodies.size / 2);
  }, 240_000);

  it("says on the command line what it reused, read and dropped, and that the picture was kept", () => {
    const dir = scratch();
    cpSync(join(PROJECT_ROOT, "graph/articles"), dir, { recursive: true });
    age(dir);
    const out = scratch();
    const run = () => execFileSync(process.execPath, [join(PROJECT_ROOT, "bin/diplograph.js"), "build", dir, "--out", out, "--jobs", "1"], { cwd: PROJECT_ROOT, encoding: "utf8", stdio: "pipe" });
    expect(run()).toContain("reused 0 article(s) from the previous build (0 file(s) not read again), extracted 5, dropped 0");
    rmSync(join(dir, "004_c663cb063f797fa1.txt"));
    const second = run();
    expect(second).toContain("reused 4 article(s) from the previous build (4 file(s) not read again), extracted 0, dropped 1");
    expect(second).toMatch(/layout: the previous picture kept, 0 new node\(s\) placed/);
    expect(second).toContain("resolution: every record added again (a record of the previous build was changed or dropped)");
    copyFileSync(join(PROJECT_ROOT, "graph/articles/004_c663cb063f797fa1.txt"), join(dir, "005_again.txt"));
    expect(run()).toContain("resolution: resumed after the previous build's 4 record(s), 1 added");
  }, 120_000);
});
