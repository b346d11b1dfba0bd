// Sentence splitting: offsets into the body, abbreviations, paragraphs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SENTENCE, splitSentences } from "../../src/text/sentences.ts";

describe("splitSentences", () => {
  it.each([
    ["Ngày 9/4, Hội nghị diễn ra. Các Bộ trưởng thông qua khuyến nghị.", ["Ngày 9/4, Hội nghị diễn ra.", "Các Bộ trưởng thông qua khuyến nghị."]],
    ["Tiêu đề mục\n\nĐoạn văn một. Đoạn hai!", ["Tiêu đề mục", "Đoạn văn một.", "Đoạn hai!"]],
    ["Ông gặp PGS.TS. Nguyễn Văn A tại TP. Hồ Chí Minh.", ["Ông gặp PGS.TS. Nguyễn Văn A tại TP. Hồ Chí Minh."]],
    ["Dùng 10,5 triệu đô la. Đạt 99.46% cử tri.", ["Dùng 10,5 triệu đô la.", "Đạt 99.46% cử tri."]],
    ["Họ nói: \"Xin cám ơn.\" Thủ tướng nhấn mạnh.", ["Họ nói: \"Xin cám ơn.\"", "Thủ tướng nhấn mạnh."]],
  ])("%s", (body, expected) => {
    expect(splitSentences(body).map((s) => s.text)).toEqual(expected);
  });

  it("gives offsets that point at each sentence's text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("Hội nghị", "diễn ra", ".", " ", "\n", "ASEAN", "Ngày 9/4,", "!", "Việt Nam"), { maxLength: 40 }), (parts) => {
        const body = parts.join(" ");
        return splitSentences(body).every((s, i) => s.index === i && body.slice(s.start, s.end) === s.text && s.text.trim() === s.text);
      }),
    );
  });

  it("cuts a run-on sentence into windows of at most MAX_SENTENCE characters, at commas, with exact offsets", () => {
    const body = `Có sự tham dự của ${Array.from({ length: 400 }, (_, i) => `Bộ trưởng Nguyễn Văn ${i}`).join(", ")}.`;
    const sentences = splitSentences(body);
    expect(sentences.length).toBeGreaterThan(1);
    for (const s of sentences) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(body.slice(s.start, s.end)).toBe(s.text);
    }
    expect(sentences.slice(0, -1).every((s) => s.text.endsWith(","))).toBe(true);
    expect(sentences.map((s) => s.text).join(" ")).toBe(body);
  });
});
