// Name search shared by `export --around` and the viewer: case, diacritics and "HNCC" ignored,
// exact > prefix > every word > fuzzy, and clear errors for unknown or ambiguous names.
import { describe, expect, it } from "vitest";
import { AmbiguousNameError, NameIndex, resolveName, searchNodes, UnknownNameError } from "../../src/graph/search.ts";
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
