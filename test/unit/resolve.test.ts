// Entity resolution: keys from canonical names, aliases, merges that must and must not happen.
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/extract-article.ts";
import { loadLexicon } from "../../src/extract/lexicon.ts";
import type { Article } from "../../src/ingest/types.ts";
import { entityKey, slug } from "../../src/resolve/keys.ts";
import { resolveEntities } from "../../src/resolve/resolve.ts";

function resolve(...bodies: string[]) {
  const lexicon = loadLexicon();
  const articles = bodies.map((body, i): Article => ({ id: `a${i}`, file: `a${i}.txt`, title: "", published: "2020-11-16", publisher: null, body, sha256: "" }));
  return resolveEntities(articles.map((article) => ({ article, extraction: extractArticle(article, lexicon) })), lexicon);
}

describe("keys", () => {
  it.each([
    ["Meeting", "Hội nghị Cấp cao ASEAN lần thứ 37", "meeting:hoi-nghi-cap-cao-asean-37"],
    ["Meeting", "HNCC ASEAN 37", "meeting:hoi-nghi-cap-cao-asean-37"],
    ["Meeting", "Hội nghị Cấp cao (HNCC) ASEAN lần thứ 37", "meeting:hoi-nghi-cap-cao-asean-37"],
    ["Meeting", "Hội nghị Cấp cao ASEAN+3", "meeting:hoi-nghi-cap-cao-asean-plus-3"],
    ["Document", "Tầm nhìn Cộng đồng ASEAN đến năm 2045", "document:tam-nhin-cong-dong-asean-2045"],
    ["Meeting", "Đại hội đồng Liên nghị viện các quốc gia Đông Nam Á lần thứ 44", "meeting:dai-hoi-dong-aipa-44"],
    ["Meeting", "Hội nghị hẹp các bộ trưởng ngoại giao ASEAN", "meeting:hoi-nghi-hep-bo-truong-ngoai-giao-asean"],
    ["Official", "Phạm Bình Minh", "official:pham-binh-minh"],
  ] as const)("%s %s → %s", (kind, name, key) => {
    expect(entityKey(kind, name)).toBe(key);
  });

  it("never produces an empty slug", () => expect(slug("…")).toBe("unnamed"));
});

describe("resolution", () => {
  it("keeps apart meetings named alike, without ordinals, held in different years, and merges those of one year", () => {
    const { entities } = resolve(
      "Ngày 17/2/2022, Hội nghị hẹp Bộ trưởng Ngoại giao ASEAN diễn ra tại Phnom Penh.",
      "Từ ngày 27-28/1/2015, Hội nghị hẹp Bộ trưởng Ngoại giao ASEAN diễn ra tại Kota Kinabalu.",
      "Ngày 17/2/2022, Hội nghị hẹp Bộ trưởng Ngoại giao ASEAN bế mạc.",
    );
    const meetings = [...entities.values()].filter((e) => e.kind === "Meeting").map((e) => [e.key, e.date, e.mentions.length]);
    expect(meetings).toEqual([
      ["meeting:hoi-nghi-hep-bo-truong-ngoai-giao-asean-2022", "2022-02-17", 2],
      ["meeting:hoi-nghi-hep-bo-truong-ngoai-giao-asean-2015", "2015-01-27", 1],
    ]);
  });

  it("keeps one key for a meeting every article dates in the same year", () => {
    const { entities } = resolve("Ngày 17/6/2021, Hội nghị tham vấn chung ASEAN diễn ra.", "Hội nghị tham vấn chung ASEAN ngày 17/6/2021 thành công.");
    expect([...entities.values()].filter((e) => e.kind === "Meeting").map((e) => e.key)).toEqual(["meeting:hoi-nghi-tham-van-chung-asean"]);
  });

  it("merges the same meeting written in full and abbreviated, across articles", () => {
    const { entities } = resolve("Hội nghị Cấp cao ASEAN lần thứ 37 khai mạc.", "HNCC ASEAN lần thứ 37 diễn ra tại Hà Nội.");
    const summit = entities.get("meeting:hoi-nghi-cap-cao-asean-37")!;
    expect(new Set(summit.mentions.map((m) => m.article))).toEqual(new Set(["a0", "a1"]));
  });

  it("never merges meetings with different ordinals", () => {
    const { entities } = resolve("Hội nghị Cấp cao ASEAN lần thứ 36 và Hội nghị Cấp cao ASEAN lần thứ 37 đã diễn ra.");
    expect([...entities.keys()].filter((k) => k.startsWith("meeting:"))).toEqual(["meeting:hoi-nghi-cap-cao-asean-36", "meeting:hoi-nghi-cap-cao-asean-37"]);
  });

  it("makes an acronym in parentheses an alias and resolves its later uses", () => {
    const { entities } = resolve("Ngày 17/6, ASEAN tổ chức Hội nghị tham vấn chung ASEAN (JCM) trực tuyến. JCM nhất trí nhiều nội dung.");
    const jcm = entities.get("meeting:hoi-nghi-tham-van-chung-asean")!;
    expect(jcm.aliases).toContain("JCM");
    expect(jcm.mentions).toHaveLength(2);
  });

  it("strips titles from names and keeps them as titles", () => {
    const { entities } = resolve("Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh phát biểu.", "Thủ tướng Phạm Bình Minh cho biết.");
    const official = entities.get("official:pham-binh-minh")!;
    expect([...official.names.keys()]).toEqual(["Phạm Bình Minh"]);
    expect(official.titles).toEqual(["Phó Thủ tướng", "Bộ trưởng Ngoại giao", "Thủ tướng"]);
  });

  it("joins a document named with and without its body's name when only one fits", () => {
    const { entities } = resolve("Các nước triển khai Khung phục hồi tổng thể ASEAN.", "Liên Hợp Quốc hỗ trợ xây dựng Khung phục hồi tổng thể, hoan nghênh.");
    expect([...entities.keys()].filter((k) => k.startsWith("document:"))).toEqual(["document:khung-phuc-hoi-tong-the-asean"]);
  });

  it("links an official to the state the title names, with that sentence as evidence", () => {
    const { relations } = resolve("Ngày 5/9, Thủ tướng Campuchia Hun Manet tham dự Hội nghị Cấp cao ASEAN lần thứ 43.");
    const link = relations.find((r) => r.type === "OFFICIAL_OF")!;
    expect([link.source, link.target]).toEqual(["official:hun-manet", "country:campuchia"]);
    expect(link.evidence[0]!.quote).toContain("Thủ tướng Campuchia Hun Manet");
  });
});
