// The benchmark's synthetic corpus: reproducible to the byte, shaped like the real articles
// (title, byline, body, page furniture), sized 1–15 KB, and free of the answer key's people.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articleFileName, generateArticle, loadSynthLexicon, writeCorpus } from "../../scripts/synth-corpus.ts";
import type { GoldKey } from "../../src/eval/types.ts";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";

const lexicon = loadSynthLexicon();
const SAMPLE = Array.from({ length: 300 }, (_, i) => generateArticle(1, i, lexicon));

describe("synthetic corpus", () => {
  it("is the same bytes for the same seed, and article i does not depend on the corpus size", () => {
    const a = mkdtempSync(join(tmpdir(), "synth-a-"));
    const b = mkdtempSync(join(tmpdir(), "synth-b-"));
    writeCorpus(a, 40, 7, lexicon);
    writeCorpus(b, 20, 7, lexicon);
    expect(readdirSync(a)).toHaveLength(40);
    for (const name of readdirSync(b)) expect(readFileSync(join(b, name))).toEqual(readFileSync(join(a, name)));
    expect(generateArticle(8, 3, lexicon)).not.toBe(generateArticle(7, 3, lexicon));
  });

  it("gives every article a title, a byline with date and time, and page furniture", () => {
    for (const text of SAMPLE) {
      const [title, blank, byline] = text.split("\n");
      expect(title?.length).toBeGreaterThan(10);
      expect(blank).toBe("");
      expect(byline).toMatch(/^PV\| \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
      expect(text).toMatch(/^Theo dõi .+ trên$/m);
      expect(text).toMatch(/^(Nổi bật|NỔI BẬT TRANG CHỦ|Đừng bỏ lỡ|ĐỪNG BỎ LỠ)$/m);
      expect(text).toMatch(/^Bạn đang đọc bài viết /m);
      expect(text).toBe(text.normalize("NFC"));
    }
  });

  const shapes: Array<[string, RegExp]> = [
    ["a numbered meeting", /Hội nghị [^.;,]* (lần thứ )?\d+/],
    ["a meeting chaired by a country", / do [^.;,]+ làm Chủ tịch/],
    ["a meeting chaired by an official", /dưới sự chủ trì của /],
    ["an adoption list", /thông qua nhiều văn kiện quan trọng như: [^;]+; [^;]+; /],
    ["a document adopted at a meeting", /đã được thông qua tại Hội nghị/],
    ["a proposal", / đề xuất (Tuyên bố|Kế hoạch|Chiến lược|Khung|Chương trình)/],
    ["'thông qua' meaning 'by means of'", /thông qua các cơ chế hợp tác/],
    ["a leader of another state with a title", /(Thủ tướng|Tổng thống) (Campuchia|Lào|Thái Lan|Malaysia) [A-Z][a-z]+ [A-Z][a-z]+/],
    ["a plan with a period", /giai đoạn \d{4}-\d{4}/],
    ["a photo caption", / - Ảnh \d\.$/m],
    ["a hotline", /^Đường dây nóng: 0\d{3}\.\d\d\.\d\d\.\d\d$/m],
    ["a teaser bullet", /^• /m],
  ];
  it.each(shapes)("has %s somewhere in the first 300 articles", (_, shape) => {
    expect(SAMPLE.some((text) => shape.test(text))).toBe(true);
  });

  it("agrees across articles on each meeting's host and date", () => {
    const hostsByMeeting = new Map<string, Set<string>>();
    for (const text of SAMPLE) {
      for (const [, meeting, host] of text.matchAll(/(Hội nghị [^.;,]*? (?:lần thứ )?\d+) do ([^.;,]+?) làm Chủ tịch/g)) {
        const key = (meeting ?? "").replace("lần thứ ", "");
        hostsByMeeting.set(key, (hostsByMeeting.get(key) ?? new Set()).add(host ?? ""));
      }
    }
    expect(hostsByMeeting.size).toBeGreaterThan(10);
    for (const hosts of hostsByMeeting.values()) expect(hosts.size).toBe(1);
  });

  it("spreads sizes over 1–15 KB", () => {
    const sizes = SAMPLE.map((t) => Buffer.byteLength(t));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(17_000);
    expect(sizes.filter((s) => s < 3000).length).toBeGreaterThan(30);
    expect(sizes.filter((s) => s > 10_000).length).toBeGreaterThan(30);
  });

  it("invents its people: no official of the answer key appears", () => {
    const gold = JSON.parse(readFileSync(join(PROJECT_ROOT, "test/fixtures/gold-seeds.json"), "utf8")) as GoldKey;
    const people = [...gold.entities.filter((e) => e.kind === "Official").map((e) => e.name), ...(gold.negatives ?? [])]
      .filter((name) => name.split(" ").length >= 2 && !lexicon.countries.includes(name));
    for (const text of SAMPLE) for (const name of people) expect(text).not.toContain(name);
  });

  it("names its files in order", () => {
    expect([articleFileName(0), articleFileName(9999)]).toEqual(["synth_00000.txt", "synth_09999.txt"]);
  });
});
