// Vietnamese normalisation: NFC, Đ, one tone placement; folding for matching.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldDiacritics, foldName } from "../../src/text/fold.ts";
import { normalizeVietnamese } from "../../src/text/normalize.ts";

describe("normalizeVietnamese", () => {
  it.each([
    ["hoà bình", "hòa bình"],
    ["Thuỷ", "Thủy"],
    ["Uỷ ban", "Ủy ban"],
    ["thoả thuận", "thỏa thuận"],
    ["khoẻ", "khỏe"],
    ["quý", "quý"],
    ["hoàng", "hoàng"],
    ["khuyến nghị", "khuyến nghị"],
    ["ngoài", "ngoài"],
    ["\u00D0à Nẵng", "Đà Nẵng"],
    ["Vie\u0323\u0302t Nam", "Việt Nam"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeVietnamese(input)).toBe(expected);
  });

  it("spells the lexicon and the articles alike", () => {
    expect(normalizeVietnamese("Tổng Thư ký Uỷ ban Quốc gia")).toBe(normalizeVietnamese("Tổng Thư ký Ủy ban Quốc gia"));
  });

  it("is idempotent on any text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => normalizeVietnamese(normalizeVietnamese(s)) === normalizeVietnamese(s)));
  });

  it("is idempotent on Vietnamese syllables", () => {
    const letters = "aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐbcdghklmnpqrstvx";
    const tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
    const syllable = fc.tuple(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 5 }), fc.constantFrom(...tones), fc.nat(4))
      .map(([chars, tone, at]) => { const i = Math.min(at, chars.length); return [...chars.slice(0, i), tone, ...chars.slice(i)].join(""); });
    fc.assert(fc.property(fc.array(syllable, { maxLength: 8 }).map((w) => w.join(" ")), (s) => normalizeVietnamese(normalizeVietnamese(s)) === normalizeVietnamese(s)));
  });
});

describe("folding", () => {
  it.each([
    ["Phạm Bình Minh", "pham binh minh"],
    ["Đỗ Hùng Việt", "do hung viet"],
    ["ASEAN+3", "asean+3"],
    ["ASEAN – Liên Hợp Quốc", "asean lien hop quoc"],
  ])("foldDiacritics(%s) = %s", (input, expected) => expect(foldDiacritics(input)).toBe(expected));

  it.each([
    ["Hội nghị Cấp cao ASEAN lần thứ 37", "hoi nghi cap cao asean 37"],
    ["HNCC ASEAN 37", "hoi nghi cap cao asean 37"],
    ["các khuyến nghị", "khuyen nghi"],
    ["Hiến chương LHQ", "hien chuong lien hop quoc"],
  ])("foldName(%s) = %s", (input, expected) => expect(foldName(input)).toBe(expected));
});
