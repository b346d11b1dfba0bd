// A node's digests (src/neo4j/node-digests.ts) are those of its attributes' JSON, each value
// serialised once; a changed node line may leave the mentions the last load wrote unparsed
// (src/neo4j/kept-lists.ts). Both must give exactly what parsing and serialising everything gives:
// checked here against that plain definition on seeded random nodes, and on lines in other shapes.
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../scripts/seeded-random.ts";
import { lineKey, mentionCounts, splitNodeLine } from "../../src/neo4j/kept-lists.ts";
import { APPEND_MIN_ITEMS, APPENDABLE_KEYS, digestOf, LAYOUT_KEYS, nodeDigests } from "../../src/neo4j/node-digests.ts";

/** The definition: JSON.stringify of the attributes but the layout, of the layout, of each long list. */
function plainDigests(attributes: Record<string, unknown>, oldLists: string) {
  const content: Record<string, unknown> = {};
  const layout: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) ((LAYOUT_KEYS as readonly string[]).includes(name) ? layout : content)[name] = value;
  const lists = APPENDABLE_KEYS.flatMap((name) => {
    const list = attributes[name];
    return Array.isArray(list) && list.length >= APPEND_MIN_ITEMS ? [`${name}=${list.length}=${digestOf(JSON.stringify(list))}`] : [];
  }).join("|");
  const appendFrom: Record<string, number> = {};
  for (const part of oldLists === "" ? [] : oldLists.split("|")) {
    const [name, length, digest] = part.split("=") as [string, string, string];
    const list = attributes[name];
    const n = Number(length);
    if (Array.isArray(list) && list.length >= n && digestOf(JSON.stringify(list.slice(0, n))) === digest) appendFrom[name] = n;
  }
  return { digest: digestOf(JSON.stringify(content)), layoutDigest: digestOf(JSON.stringify(layout)), lists, appendFrom };
}

const ARTICLE_IDS = ["a1", "synth_00042", "bài-Việt", "🙂", ""];
/** Ids whose JSON has an escape: a line naming one in its kept mentions is parsed whole. */
const ESCAPED_IDS = ['quote"d', "back\\slash", "tab\there"];

function randomNode(next: () => number) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const mentions = Array.from({ length: Math.floor(next() * 40) }, (_, i) => ({ article: pick(next() < 0.02 ? ESCAPED_IDS : ARTICLE_IDS), sentence: i, start: Math.floor(next() * 9000), end: 9000 + i }));
  mentions.sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : 0));
  const articles = [...new Set(mentions.map((m) => m.article))];
  const attributes: Record<string, unknown> = { kind: pick(["Country", "Official", "Organization"]), label: pick(["ASEAN", "Việt Nam", 'the "label"', "}{][,:"]) };
  if (next() < 0.8) attributes.aliases = next() < 0.5 ? [] : ["a", "b\u0000c"];
  if (next() < 0.9) attributes.articles = next() < 0.2 ? Array.from({ length: 30 }, (_, i) => `x${i}`) : articles;
  attributes.mentions = mentions;
  if (next() < 0.5) Object.assign(attributes, { x: next() * 100, y: -next(), size: 3, color: "#fff" });
  if (next() < 0.3) attributes.extra = { nested: [1, { "}": "]" }], n: null };
  return attributes;
}

/** What the last load would have recorded for an older version of the node: a prefix of its mentions, or another list. */
function oldListsOf(attributes: Record<string, unknown>, next: () => number): string {
  const mentions = attributes.mentions as unknown[];
  const roll = next();
  const older = { ...attributes, mentions: roll < 0.6 ? mentions.slice(0, Math.max(1, mentions.length - Math.floor(next() * 5))) : roll < 0.8 ? [...mentions].reverse() : mentions };
  return plainDigests(older, "").lists;
}

describe("node digests", () => {
  it("equal the digests of the attributes' JSON, with or without kept mentions left unparsed", () => {
    const next = mulberry32(7);
    let split = 0;
    for (let i = 0; i < 400; i++) {
      const attributes = randomNode(next);
      const oldLists = oldListsOf(attributes, next);
      const expected = plainDigests(attributes, oldLists);
      const got = nodeDigests(attributes, oldLists);
      expect({ digest: got.digest, layoutDigest: got.layoutDigest, lists: got.lists, appendFrom: got.appendFrom ?? {} }).toEqual(expected);

      const line = Buffer.from(JSON.stringify({ key: `k:${i}`, attributes }));
      expect(lineKey(line)).toBe(`k:${i}`);
      const parts = splitNodeLine(line, oldLists);
      if (!parts) continue;
      split++;
      const kept = expected.appendFrom.mentions!;
      expect(parts.kept.count).toBe(kept);
      expect(parts.attributes).toEqual({ ...attributes, mentions: (attributes.mentions as unknown[]).slice(kept) });
      const fromParts = nodeDigests(parts.attributes, oldLists, parts.kept);
      expect({ digest: fromParts.digest, layoutDigest: fromParts.layoutDigest, lists: fromParts.lists, appendFrom: fromParts.appendFrom }).toEqual({ ...expected, appendFrom: { ...expected.appendFrom } });
      const counts = new Map<string, number>();
      for (const m of attributes.mentions as Array<{ article: string }>) counts.set(m.article, (counts.get(m.article) ?? 0) + 1);
      expect(mentionCounts(parts.attributes.mentions as never, parts.kept)).toEqual(counts);
    }
    expect(split).toBeGreaterThan(50); // the unparsed path was taken, not only the fallback
  });

  it("leaves a line in another shape to be parsed whole, and never misreads it", () => {
    const mentions = Array.from({ length: 20 }, (_, i) => ({ article: `a${i % 3}`, sentence: i, start: i, end: i + 1 }));
    const attributes = { kind: "Country", label: "X", articles: ["a0", "a1", "a2"], mentions };
    const oldLists = plainDigests({ ...attributes, mentions: mentions.slice(0, 18) }, "").lists;
    const compact = JSON.stringify({ key: "country:x", attributes });
    expect(splitNodeLine(Buffer.from(compact), oldLists)?.kept.count).toBe(18);
    const shapes = [
      JSON.stringify({ key: "country:x", attributes }, null, 1), // indented
      compact.replace('"sentence":0', '"sentence": 0'), // a space inside the kept mentions: their digest differs
      compact.replace('{"article":"a0","sentence":0', '{"sentence":0,"article":"a0"'), // another key order
      compact.slice(0, compact.length - 10), // cut short
      compact.replace('"label":"X"', '"__proto__":{"x":1},"label":"X"'),
      compact.replace('"label":"X"', '"label":"X","label":"Y"'), // a name twice
      compact.replace('{"article":"a0"', '{"article":"a\\u0030"'), // an escaped article id in a kept mention
      `${compact} `,
      compact.replace('{"key":"country:x",', '{"other":1,"key":"country:x",'),
    ];
    for (const shape of shapes) expect(splitNodeLine(Buffer.from(shape), oldLists), shape.slice(0, 80)).toBeUndefined();
    expect(splitNodeLine(Buffer.from(compact), "")).toBeUndefined();
    expect(splitNodeLine(Buffer.from(compact), "mentions=x=abc")).toBeUndefined();
    expect(lineKey(Buffer.from('{"key":"a\\"b","attributes":{}}'))).toBe('a"b');
    expect(lineKey(Buffer.from('{"attributes":{},"key":"a"}'))).toBeUndefined();
  });
});
