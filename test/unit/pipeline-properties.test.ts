// Properties of the whole extraction on generated articles: every evidence quote is the
// article text at its offsets, every mention points inside its article, and the build is
// the same bytes twice.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ArticleAttributes } from "../../src/graph/types.ts";
import { serializeGraph } from "../../src/graph/serialize.ts";
import type { Article } from "../../src/ingest/types.ts";
import { buildGraphFromArticles } from "../../src/pipeline/build.ts";
import { normalizeVietnamese } from "../../src/text/normalize.ts";

const SENTENCES = [
  "Ngày 9/4, Hội nghị lần thứ 25 Hội đồng Điều phối ASEAN (ACC) được tổ chức trực tuyến.",
  "Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh đã chủ trì Hội nghị.",
  "Hội nghị Cấp cao ASEAN lần thứ 38 và 39 do Brunei làm Chủ tịch đã khai mạc.",
  "Thủ tướng Campuchia Hun Sen và Tổng thống Indonesia Joko Widodo tham dự Hội nghị.",
  "Các nhà lãnh đạo đã thông qua Tuyên bố Hà Nội về Tầm nhìn Cộng đồng ASEAN sau 2025.",
  "Các nước ủng hộ các đề xuất của Việt Nam như: Hình thành kho dự phòng khu vực về trang thiết bị y tế; Xây dựng quy trình ứng phó chung.",
  "Hội nghị nhất trí thông qua sáng kiến của Thái Lan tổ chức Diễn đàn ASEAN về kinh tế xanh.",
  "Các nước thúc đẩy hợp tác thông qua việc chia sẻ vaccine với UNICEF và WHO.",
  "Thứ trưởng Ngoại giao Nguyễn Quốc Dũng dẫn đầu đoàn đại biểu Việt Nam tham dự Hội nghị tham vấn chung ASEAN (JCM).",
  "JCM ghi nhận tiến triển tích cực; “Hoà bình” được nhấn mạnh… ",
  "Tại đây, nhiều văn kiện được thông qua như: Khung phục hồi tổng thể ASEAN; Kế hoạch hành động ASEAN - Liên Hợp Quốc giai đoạn 2021-2025.",
];

const article = (id: string, sentences: string[]): Article => ({
  id, file: `${id}.txt`, title: id, published: "2021-06-20", publisher: null, sha256: "",
  body: normalizeVietnamese(sentences.join(" ")),
});

const corpus = fc.array(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 })
  .map((articles) => articles.map((s, i) => article(`a${i}`, s)));

describe("extraction properties", () => {
  it("quotes every evidence exactly at its offsets and keeps every mention inside its article", () => {
    fc.assert(
      fc.property(corpus, (articles) => {
        const graph = buildGraphFromArticles(articles, { layout: false });
        const bodies = new Map(articles.map((a) => [a.id, a.body]));
        graph.forEachEdge((_, attrs) => {
          expect(attrs.evidence.length).toBeGreaterThan(0);
          for (const ev of attrs.evidence) expect(bodies.get(ev.article)!.slice(ev.start, ev.end)).toBe(ev.quote);
        });
        graph.forEachNode((_, attrs) => {
          for (const m of attrs.mentions) {
            const body = bodies.get(m.article)!;
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeLessThanOrEqual(body.length);
            expect(body.slice(m.start, m.end).trim()).toBe(body.slice(m.start, m.end));
          }
          if (attrs.kind === "Article") expect((attrs as ArticleAttributes).body).toBe(bodies.get(attrs.articles[0]!));
        });
      }),
      { numRuns: 60 },
    );
  });

  it("builds the same bytes from the same articles", () => {
    fc.assert(
      fc.property(corpus, (articles) => serializeGraph(buildGraphFromArticles(articles)) === serializeGraph(buildGraphFromArticles(articles))),
      { numRuns: 15 },
    );
  });
});
