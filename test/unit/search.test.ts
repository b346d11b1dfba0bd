// Name search shared by `export --around` and the viewer: case, diacritics and "HNCC" ignored,
// exact > prefix > every word > fuzzy, and clear errors for unknown or ambiguous names.
import fc from "fast-check";
import { distance } from "fastest-levenshtein";
import { describe, expect, it } from "vitest";
import { AmbiguousNameError, NameIndex, NameIndexFormatError, PACKED_NAME_INDEX_FORMAT, resolveName, searchNodes, UnknownNameError } from "../../src/graph/search.ts";
import type { PackedNameIndex, SearchableGraph } from "../../src/graph/search.ts";
import { nameWordsOf, wordIndexOf } from "../../src/graph/word-index.ts";
import { foldName } from "../../src/text/fold.ts";
import { answer } from "../../web/src/search-index.ts";
import type { SearchResponse } from "../../web/src/search-index.ts";
import { exportFixture } from "./export-fixture.ts";

const graph = exportFixture();

describe("resolveName", () => {
  it.each([
    ["pham binh minh", "official:pham-binh-minh"],
    ["PHẠM BÌNH MINH", "official:pham-binh-minh"],
    ["Phạm Bình Minh", "official:pham-binh-minh"],
    ["pham binh mihn", "official:pham-binh-minh"],
    ["hncc 37", "meeting:hoi-nghi-cap-cao-asean-37"],
    ["HNCC ASEAN lần thứ 37", "meeting:hoi-nghi-cap-cao-asean-37"],
    ["viet nam", "country:viet-nam"],
    ["Vietnam", "country:viet-nam"],
    ["jcm", "meeting:hoi-nghi-tham-van-chung-asean"],
    ["acc 25", "meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean"],
    ["brunei darussalam", "country:brunei"],
    ["official:nguyen-xuan-phuc", "official:nguyen-xuan-phuc"],
  ])("%j → %s", (name, key) => {
    expect(resolveName(graph, name).key).toBe(key);
  });

  it("refuses an unknown name, listing the closest names", () => {
    try {
      resolveName(graph, "Lý Quang Diệu");
      expect.unreachable();
    } catch (error) {
      expect((error as Error).name).toBe(UnknownNameError.name);
      expect((error as UnknownNameError).closest.length).toBeGreaterThan(0);
      expect((error as UnknownNameError).closest.length).toBeLessThanOrEqual(5);
    }
  });

  it("refuses a name two nodes share as well, listing both", () => {
    const twoNguyens = exportFixture();
    twoNguyens.addNode("official:nguyen-quoc-dung", { kind: "Official", label: "Nguyễn Quốc Dũng", aliases: [], articles: [], mentions: [], titles: [] });
    try {
      resolveName(twoNguyens, "nguyen");
      expect.unreachable();
    } catch (error) {
      expect((error as Error).name).toBe(AmbiguousNameError.name);
      expect((error as AmbiguousNameError).candidates.map((c) => c.key).sort()).toEqual(["official:nguyen-quoc-dung", "official:nguyen-xuan-phuc"]);
    }
  });
});

describe("searchNodes", () => {
  it("ranks exact, then prefix, then word matches, then fuzzy ones", () => {
    const hits = searchNodes(graph, "hoi nghi cap cao asean 37", 10);
    expect(hits[0]).toMatchObject({ key: "meeting:hoi-nghi-cap-cao-asean-37", tier: "exact" });
    const tiers = hits.map((h) => h.tier);
    const order = ["exact", "prefix", "tokens", "fuzzy"];
    expect([...tiers].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(tiers);
  });

  it.each([
    ["asean", "organization:asean", "exact"],
    ["hội nghị cấp", "meeting:hoi-nghi-cap-cao-asean-37", "prefix"],
    ["binh minh", "official:pham-binh-minh", "tokens"],
    ["binh mi", "official:pham-binh-minh", "tokens"],
    ["bruney", "country:brunei", "fuzzy"],
    ["pham bin minh", "official:pham-binh-minh", "fuzzy"],
  ])("%j finds %s first (%s)", (query, key, tier) => {
    expect(searchNodes(graph, query, 5)[0]).toMatchObject({ key, tier });
  });

  it("gives one hit per node, at most `limit`, and nothing for an empty query", () => {
    const hits = searchNodes(graph, "hoi nghi", 3);
    expect(hits).toHaveLength(3);
    expect(new Set(hits.map((h) => h.key)).size).toBe(3);
    expect(searchNodes(graph, "  ", 5)).toEqual([]);
  });

  it("reports the alias that matched, as written", () => {
    expect(new NameIndex(graph).search("viet nam", 1)[0]).toMatchObject({ key: "country:viet-nam", matched: "Việt Nam" });
    expect(new NameIndex(graph).search("brunei darussalam", 1)[0]).toMatchObject({ matched: "Brunei Darussalam" });
  });
});

/** The index as the viewer's worker gets it from the server: packed, through JSON, unpacked. */
const unpacked = (index: NameIndex): NameIndex => NameIndex.unpack(JSON.parse(JSON.stringify(index.pack())) as PackedNameIndex);

describe("search skips work that cannot change the answer", () => {
  // The rules without the shortcuts (no fuzzy pass skipped, no length bound): every name
  // scored in every tier, as NameIndex did before its speed work.
  function reference(names: Array<{ key: string; label: string }>, query: string, limit: number): Array<[string, string, number]> {
    const fold = (text: string) => foldName(text);
    const tokens = (text: string) => text.split(" ").filter(Boolean);
    const similarity = (a: string, b: string) => (Math.max(a.length, b.length) === 0 ? 1 : 1 - distance(a, b) / Math.max(a.length, b.length));
    const q = fold(query);
    const qt = tokens(q);
    const tiers = ["exact", "prefix", "tokens", "fuzzy"];
    const best = new Map<string, { label: string; tier: number; score: number }>();
    for (const { key, label } of names) {
      const f = fold(label);
      if (!f || !q) continue;
      const nt = tokens(f);
      let hit: { tier: number; score: number } | undefined;
      if (f === q) hit = { tier: 0, score: 1 };
      else if (f.startsWith(q)) hit = { tier: 1, score: q.length / f.length };
      else if (qt.every((t, i) => (i === qt.length - 1 ? nt.some((n) => n.startsWith(t)) : nt.includes(t)))) hit = { tier: 2, score: qt.length / nt.length };
      else if (similarity(q, f) >= 0.75) hit = { tier: 3, score: similarity(q, f) };
      else if (similarity(q, nt.slice(0, qt.length).join(" ")) >= 0.75) hit = { tier: 3, score: similarity(q, nt.slice(0, qt.length).join(" ")) * (qt.length / nt.length) };
      if (!hit) continue;
      const score = Math.round(hit.score * 1000) / 1000;
      const previous = best.get(key);
      if (!previous || hit.tier < previous.tier || (hit.tier === previous.tier && score > previous.score)) best.set(key, { label, tier: hit.tier, score });
    }
    return [...best]
      .sort(([ka, a], [kb, b]) => a.tier - b.tier || b.score - a.score || a.label.length - b.label.length || (ka < kb ? -1 : ka > kb ? 1 : 0))
      .slice(0, limit)
      .map(([key, hit]) => [key, tiers[hit.tier] ?? "", hit.score]);
  }

  it("gives the same ranked hits as scoring every name in every tier (random names and queries)", () => {
    const syllables = ["ha", "noi", "pham", "binh", "minh", "hoi", "nghi", "cap", "cao", "asean", "37", "lan", "thu", "nguyen", "phuc", "dong", "a"];
    const name = fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 6 }).map((words) => words.join(" "));
    // Queries cut anywhere, as they are while being typed ("pham bi").
    const typed = name.chain((whole) => fc.integer({ min: 1, max: whole.length }).map((end) => whole.slice(0, end)));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 40 }), typed, fc.integer({ min: 1, max: 10 }), (labels, query, limit) => {
        const names = labels.map((label, i) => ({ key: `node:${i}`, label }));
        const index = new NameIndex({ forEachNode: (callback) => names.forEach(({ key, label }) => callback(key, { label, aliases: [], kind: "Official" })) });
        expect(index.search(query, limit).map((hit) => [hit.key, hit.tier, hit.score])).toEqual(reference(names, query, limit));
        // The index the server packs and the viewer's worker unpacks answers the same.
        expect(unpacked(index).search(query, limit).map((hit) => [hit.key, hit.tier, hit.score])).toEqual(reference(names, query, limit));
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it("answers the word tiers alone with the head of the full answer: every hit but the fuzzy ones, in the same order", () => {
    const syllables = ["ha", "noi", "pham", "binh", "minh", "hoi", "nghi", "cap", "cao", "asean", "37", "nguyen", "phuc", "dong", "a"];
    const name = fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 5 }).map((words) => words.join(" "));
    const typed = name.chain((whole) => fc.integer({ min: 1, max: whole.length }).map((end) => whole.slice(0, end)));
    let fuzzySeen = 0;
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 40 }), fc.oneof(typed, name.map((whole) => `${whole}x`)), fc.integer({ min: 1, max: 10 }), (labels, query, limit) => {
        const index = new NameIndex({ forEachNode: (callback) => labels.forEach((label, i) => callback(`node:${i}`, { label, aliases: [], kind: "Official" })) });
        const full = index.search(query, limit);
        const words = index.searchWords(query, limit);
        // The word index made before the first search (as the viewer's worker does) answers the same.
        const prepared = new NameIndex({ forEachNode: (callback) => labels.forEach((label, i) => callback(`node:${i}`, { label, aliases: [], kind: "Official" })) }).prepareWords();
        expect(prepared.searchWords(query, limit)).toEqual(words);
        expect(prepared.search(query, limit)).toEqual(full);
        // So does the packed index, sent as JSON and unpacked (the viewer's worker's).
        const fromServer = unpacked(index);
        expect(fromServer.searchWords(query, limit)).toEqual(words);
        expect(fromServer.search(query, limit)).toEqual(full);
        expect(words.every((hit) => hit.tier !== "fuzzy")).toBe(true);
        expect(words).toEqual(full.filter((hit) => hit.tier !== "fuzzy"));
        expect(full.slice(0, words.length)).toEqual(words);
        if (full.length > words.length) fuzzySeen += 1;
      }),
      { numRuns: 300, seed: 13 },
    );
    // The property is not vacuous: some answers had a fuzzy tail that the word tiers left out.
    expect(fuzzySeen).toBeGreaterThan(10);
  });
});

describe("the viewer's search worker answers in two steps", () => {
  const labels = ["Phạm Bình Minh", "Phạm Minh Chính", "Phan Bình Minh", "Hội nghị Cấp cao ASEAN 37"];
  const index = new NameIndex({ forEachNode: (callback) => labels.forEach((label, i) => callback(`node:${i}`, { label, aliases: [], kind: "Official" })) }).prepareWords();
  const responses = (query: string, limit: number) => {
    const posted: SearchResponse[] = [];
    answer(index, 7, query, limit, (response) => posted.push(response));
    return posted;
  };

  it("posts the word tiers first, then the whole list, which starts with them", () => {
    const [first, last, ...more] = responses("pham binh minh", 5);
    expect(more).toEqual([]);
    expect(first).toEqual({ id: 7, final: false, hits: index.searchWords("pham binh minh", 5) });
    expect(first?.hits.map((hit) => hit.label)).toEqual(["Phạm Bình Minh"]);
    expect(last).toEqual({ id: 7, final: true, hits: index.search("pham binh minh", 5) });
    // "Phan Bình Minh" is one letter away: a fuzzy hit, after the word tiers' one.
    expect(last?.hits[0]).toMatchObject({ label: "Phạm Bình Minh", tier: "exact" });
    expect(last?.hits.slice(1).every((hit) => hit.tier === "fuzzy")).toBe(true);
    expect(last?.hits.map((hit) => hit.label)).toContain("Phan Bình Minh");
  });

  it("posts once when the word tiers fill the list (no edit distances are computed)", () => {
    expect(responses("pham", 2)).toEqual([{ id: 7, final: true, hits: index.search("pham", 2) }]);
    expect(responses("pham", 2)[0]?.hits).toHaveLength(2);
  });
});

describe("the packed index (made by the server, unpacked by the viewer's worker)", () => {
  const syllables = ["Hà", "Nội", "Phạm", "Bình", "Minh", "HNCC", "lần", "thứ", "37", "cấp", "cao", "Đông", "Á", "các", "–", "+", "ASEAN", "a"];
  const phrase = fc.array(fc.constantFrom(...syllables), { minLength: 0, maxLength: 5 }).map((words) => words.join(" "));
  // Nodes as graph.json has them: a label or none (the key stands in), aliases that repeat
  // the label or fold to nothing, kinds of several sorts; queries typed or mistyped.
  const node = fc.record({ label: fc.option(phrase, { nil: undefined }), aliases: fc.array(phrase, { maxLength: 3 }), kind: fc.constantFrom("Official", "Meeting", "Country", undefined) });
  const graphOf = (nodes: Array<{ label?: string; aliases: string[]; kind?: string }>): SearchableGraph => ({
    forEachNode: (callback) => nodes.forEach((attributes, i) => callback(`node:${i}`, attributes)),
  });

  it("answers every query, word tiers, fuzzy tail, resolve and closest, as the index it was packed from", () => {
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 30 }), phrase, fc.integer({ min: 1, max: 10 }), (nodes, query, limit) => {
        const index = new NameIndex(graphOf(nodes));
        const fromServer = unpacked(index);
        expect(fromServer.search(query, limit)).toEqual(index.search(query, limit));
        expect(fromServer.searchWords(query, limit)).toEqual(index.searchWords(query, limit));
        expect(fromServer.closest(query, limit)).toEqual(index.closest(query, limit));
        expect(fromServer.resolve("node:0")).toEqual(index.resolve("node:0"));
        const outcome = (of: NameIndex) => {
          try {
            return of.resolve(query);
          } catch (error) {
            return { error: (error as Error).name, message: (error as Error).message };
          }
        };
        expect(outcome(fromServer)).toEqual(outcome(index));
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it("is packed the same way whether the word index was made before or not, made in slices, or again from itself", async () => {
    const index = new NameIndex(graph);
    const packed = index.pack();
    expect(new NameIndex(graph).prepareWords().pack()).toEqual(packed);
    expect(unpacked(index).pack()).toEqual(packed);
    // A server makes it a few nodes at a time, pausing between slices.
    let pauses = 0;
    const nodes: Array<[string, object]> = [];
    graph.forEachNode((key, attributes) => nodes.push([key, attributes]));
    const sliced = await NameIndex.inSlices(nodes, async () => void (pauses += 1), 3);
    expect(sliced.pack()).toEqual(packed);
    expect(pauses).toBe(Math.floor(nodes.length / 3));
    // Folded names are not sent twice: a name that is its node's label is sent as null.
    expect(packed.names.filter((name) => name !== null).length).toBeLessThan(packed.names.length);
  });

  it("refuses another format or arrays that do not fit together, by name", () => {
    const packed = new NameIndex(graph).pack();
    const refused = (bad: unknown) => expect(() => NameIndex.unpack(bad as PackedNameIndex)).toThrow(NameIndexFormatError);
    refused({ ...packed, format: "diplograph-name-index/0" });
    refused(null);
    refused({ ...packed, labels: packed.labels.slice(1) });
    refused({ ...packed, folded: packed.folded.slice(1) });
    refused({ ...packed, nameWordOffsets: packed.nameWordOffsets.slice(1) });
    refused({ ...packed, wordOffsets: undefined });
    expect(() => NameIndex.unpack({ ...packed, format: "x" } as unknown as PackedNameIndex)).toThrow(`name index: expected format ${PACKED_NAME_INDEX_FORMAT}, got x`);
  });

  it("reads numbers out of range as no name, never outside its arrays", () => {
    const packed = new NameIndex(graph).pack();
    const broken: PackedNameIndex = { ...packed, wordHolders: packed.wordHolders.map((name) => name + 10_000), nameNodes: packed.nameNodes.map(() => 99_999) };
    const index = NameIndex.unpack(broken);
    expect(index.searchWords("pham binh minh", 5)).toEqual([]);
    expect(() => index.search("pham binh mihn", 5)).not.toThrow();
  });
});

describe("the word index", () => {
  it("lists each name once under each of its words, names ascending, words sorted (as a map of postings would)", () => {
    const word = fc.constantFrom("ha", "noi", "hoi", "nghi", "a", "37", "asean");
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 6 }), { maxLength: 30 }), (tokens) => {
        const index = wordIndexOf(nameWordsOf(tokens));
        const postings = new Map<string, number[]>();
        tokens.forEach((words, name) => new Set(words).forEach((w) => postings.set(w, [...(postings.get(w) ?? []), name])));
        expect(index.words).toEqual([...postings.keys()].sort());
        index.words.forEach((w, i) => expect([...index.holders.subarray(index.offsets[i], index.offsets[i + 1])]).toEqual(postings.get(w)));
      }),
      { numRuns: 200, seed: 15 },
    );
  });
});
