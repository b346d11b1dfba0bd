// Dates of meetings in undated reports: the year from the crawl month or from the years a report
// states as its own, days named in brackets, the frame and the span of a meeting. Own sentences.
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/extract-article.ts";
import { loadLexicon } from "../../src/extract/lexicon.ts";
import { recognizeDates } from "../../src/extract/recognize-dates.ts";
import { reportYear } from "../../src/extract/report-year.ts";
import { meetingYear } from "../../src/extract/series-calendar.ts";
import { normalizeVietnamese } from "../../src/text/normalize.ts";

const lexicon = loadLexicon();
const meetingDates = (body: string, published: string | null, crawled?: string) => {
  const article = { id: "t", file: "t.txt", title: "", published, publisher: null, body: normalizeVietnamese(body), sha256: "", ...(crawled ? { crawled } : {}) };
  return [...extractArticle(article, lexicon).meetingFacts].map(([m, f]) => [m.name, f.date ?? null, f.endDate ?? null]);
};

describe("the year of an undated report", () => {
  it.each([
    // a chairmanship year is the report's, even where other years are named more often
    ["Với chủ đề của Năm Chủ tịch ASEAN 2027, các nước rà soát kết quả tháng 11/2026 và tháng 12/2026.", 2027],
    ["Ủy ban Quốc gia ASEAN 2029 họp phiên thứ ba. Thành viên Ủy ban Quốc gia ASEAN 2029 báo cáo tiến độ.", 2029],
    ["Đại sứ Trần Hoa, Chủ tịch AICHR năm 2026, chủ trì. Các nước thông qua chương trình triển khai ngay trong năm 2027.", 2026],
    // a year to come is not the report's
    ["Việt Nam sẽ đảm nhận vai trò Chủ tịch ASEAN 2031. Hội nghị diễn ra ngày 4/5/2030 tại Hà Nội.", 2030],
    // days written in full, then "trong năm"
    ["Hội nghị lần thứ 9 tổ chức ngày 12/3/2018 tại Phnom Penh.", 2018],
    ["Các trọng tâm, ưu tiên của khối trong năm 2028 được thảo luận.", 2028],
    ["Hai bên nỗ lực ký kết hiệp định trong năm 2030.", null],
    // a summit long past, a target, a plan's span: no year at all rather than a wrong one
    ["Kể từ Hội nghị tại Sochi năm 2016, kế hoạch giai đoạn 2016-2020 đạt kết quả, hướng đến năm 2025.", null],
  ])("%s → %s", (body, year) => {
    expect(reportYear(normalizeVietnamese(body))).toBe(year);
  });
});

describe("days of meetings", () => {
  it("takes the year of an undated day from the month the page was crawled in, the year before for a later month", () => {
    expect(meetingDates("Ngày 4/10, Hội nghị Bộ trưởng Y tế ASEAN lần thứ 16 khai mạc tại Manila.", null, "2026-10")).toEqual([
      ["Hội nghị Bộ trưởng Y tế ASEAN lần thứ 16", "2026-10-04", null],
    ]);
    expect(meetingDates("Ngày 28/12, Hội nghị Bộ trưởng Y tế ASEAN lần thứ 16 khai mạc tại Manila.", null, "2027-01")[0]![1]).toBe("2026-12-28");
  });

  it.each([
    ["Chiều nay (4/10), tại Manila, Hội nghị Bộ trưởng Y tế ASEAN lần thứ 16 đã khai mạc.", "2026-10-04"],
    ["Bộ trưởng Lê Văn Hòa dự Hội nghị Bộ trưởng Y tế ASEAN lần thứ 16 tại Manila vào thứ Sáu (2/10).", "2026-10-02"],
  ])("reads a day in brackets after a word naming it: %s", (body, date) => {
    expect(meetingDates(body, "2026-10-05")[0]![1]).toBe(date);
  });

  it("gives the day a sentence opens on to its event, not to the meeting named as its frame", () => {
    const body = "Chiều 7/3, bên lề Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 60 tại Manila, đã diễn ra Hội nghị Bộ trưởng Hợp tác Mekong - Hàn Quốc.";
    expect(meetingDates(body, "2027-03-08")).toContainEqual(["Hội nghị Bộ trưởng Hợp tác Mekong - Hàn Quốc", "2027-03-07", null]);
  });

  it("takes a span written after the meeting's name over the day the sentence opens on", () => {
    const body = "Sáng nay (9/5), Bộ trưởng Lê Văn Hòa về đến Hà Nội, kết thúc chuyến dự Hội nghị Bộ trưởng Y tế ASEAN lần thứ 16 tại Manila, từ ngày 6 - 8/5.";
    expect(meetingDates(body, "2027-05-10")[0]!.slice(1)).toEqual(["2027-05-06", "2027-05-08"]);
  });

  it("does not take a word like 'ngày nay' with a bracket for a date", () => {
    const found = recognizeDates({ text: "Ngày nay (theo số liệu 3/4 dân số) đã dùng mạng.", start: 0, index: 0 } as never, { published: "2027-05-10", fallbackYear: null });
    expect(found).toEqual([]);
  });
});

describe("the year of a numbered meeting of a well-known series (lexicon/series-calendar.json)", () => {
  it.each([
    ["Hội nghị Cấp cao ASEAN lần thứ 37", 2020],
    ["Hội nghị thượng đỉnh ASEAN lần thứ 16", 2010],
    ["Hội nghị Cấp cao ASEAN lần thứ 13", 2007],
    ["Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 53", 2020],
    ["Đại hội đồng Liên nghị viện ASEAN lần thứ 41", 2020],
    ["Hội nghị Cấp cao Đông Á lần thứ 18", 2023],
    // outside the stretches the calendar knows (the early, irregular summits), of no known series, or unnumbered
    ["Hội nghị Cấp cao ASEAN lần thứ 3", null],
    ["Hội nghị Bộ trưởng Y tế ASEAN lần thứ 16", null],
    ["Hội nghị Cấp cao ASEAN", null],
  ])("%s → %s", (name, year) => {
    expect(meetingYear(normalizeVietnamese(name))).toBe(year);
  });

  it("dates the days of a report that states no year by the meeting it reports", () => {
    expect(meetingDates("Sáng 9/9, Thủ tướng Lê Văn Tâm dự và phát biểu khai mạc Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 53.", null)).toEqual([
      ["Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 53", "2020-09-09", null],
    ]);
  });

  it("takes the one year the other meetings share when the reported one is of no known series; two years, none", () => {
    const one = "Sáng 9/9, Hội nghị Bộ trưởng Y tế ASEAN lần thứ 16 khai mạc, hướng tới Hội nghị Cấp cao ASEAN lần thứ 40.";
    expect(meetingDates(one, null)[0]).toEqual(["Hội nghị Bộ trưởng Y tế ASEAN lần thứ 16", "2022-09-09", null]);
    const two = "Sáng 9/9, Hội nghị Bộ trưởng Y tế ASEAN lần thứ 16 khai mạc, sau Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 53 và trước Hội nghị Cấp cao ASEAN lần thứ 40.";
    const dates = meetingDates(two, null);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every(([, date]) => date === null)).toBe(true);
  });

  it("never overrides a published or a stated year", () => {
    expect(meetingDates("Sáng 9/9, Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 53 khai mạc.", "2021-09-10")).toEqual([
      ["Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 53", "2021-09-09", null],
    ]);
    expect(meetingDates("Năm Chủ tịch ASEAN 2031. Sáng 9/9, Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 53 khai mạc.", null)[0]![1]).toBe("2031-09-09");
  });
});
