// Photo captions flattened into a page's text, and the dates a page gives besides its dateline.
// Sentences written for these tests; names and numbers are made up.
import { describe, expect, it } from "vitest";
import { dropCaptions, isGluedCaption } from "../../src/ingest/captions.ts";
import { leadDate, readCrawlPrefix } from "../../src/ingest/crawl-date.ts";
import { classifyLine, datelineDate } from "../../src/ingest/furniture.ts";
import { splitPage } from "../../src/ingest/page.ts";

describe("dropCaptions", () => {
  it.each([
    // a credit in brackets in the middle of a one-line page: the sentence it closes goes with it
    [
      "Chiều 5/3, Bộ trưởng Lê Minh Khoa dự Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 18. Toàn cảnh phiên họp tại Bangkok, Thái Lan, ngày 5/3. (Ảnh: Hữu Tâm) Tại phiên họp, các nước thống nhất lộ trình mới.",
      "Chiều 5/3, Bộ trưởng Lê Minh Khoa dự Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 18. Tại phiên họp, các nước thống nhất lộ trình mới.",
    ],
    // a paragraph that is only a caption and its credit, with or without brackets, with a trailing bar
    ["Bộ trưởng Lê Minh Khoa và Bộ trưởng Campuchia bắt tay bên lề hội nghị. Ảnh: TTXVN", ""],
    ["Các trưởng đoàn chụp ảnh chung trước phiên bế mạc. (Ảnh: Quốc Việt) |", ""],
    ["Đoàn Việt Nam tại phiên toàn thể. Ảnh: Minh Hà/TTXVN |", ""],
    ["Quang cảnh lễ ký kết. Ảnh: nhandan.vn", ""],
    ["Ngoại trưởng hai nước tại cuộc gặp ở Tokyo ngày 3/8. (Nguồn: Reuters/TTXVN)", ""],
    // no credit: the line is left alone, and so is an image of speech or a source without an agency
    ["Hội nghị đã thông qua Tuyên bố chung về an ninh lương thực.", "Hội nghị đã thông qua Tuyên bố chung về an ninh lương thực."],
    ["Các nước chia sẻ cùng một hình ảnh: Một ASEAN đoàn kết", "Các nước chia sẻ cùng một hình ảnh: Một ASEAN đoàn kết"],
    ["Kim ngạch đạt 12 tỷ USD (nguồn: số liệu hải quan).", "Kim ngạch đạt 12 tỷ USD (nguồn: số liệu hải quan)."],
  ])("%s", (line, kept) => {
    expect(dropCaptions(line)).toBe(kept);
  });

  it("takes a caption with its credit, or a photo block glued to a repeated title, for a photo line", () => {
    expect(classifyLine("Bộ trưởng Lê Minh Khoa phát biểu tại phiên khai mạc. (Ảnh: Hữu Tâm)")).toBe("photo");
    expect(classifyLine("ASEAN bàn về chống biến đổi khí hậu ảnh 1Bộ trưởng Lê Minh Khoa phát biểu khai mạc. (Ảnh: Hữu Tâm)")).toBe("photo");
    expect(classifyLine("ASEAN bàn về chống biến đổi khí hậu - ảnh 2 Các đại biểu dự phiên họp thứ hai")).toBe("photo");
    expect(isGluedCaption("Hội nghị đã xem xét báo cáo về hình ảnh của khu vực.")).toBe(false);
  });
});

describe("captions without a credit", () => {
  const page = (middle: string) =>
    [
      "Bộ trưởng Môi trường ASEAN họp tại Bangkok",
      "",
      "Chiều 5/3, Bộ trưởng Lê Minh Khoa dẫn đầu đoàn Việt Nam dự Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 18 tại Bangkok.",
      "",
      middle,
      "",
      "Tại phiên họp, các Bộ trưởng thống nhất lộ trình giảm phát thải đến năm 2035 và giao các nhóm công tác chuẩn bị kế hoạch.",
    ].join("\n");

  it("drops a long unpunctuated line set apart between paragraphs: a caption", () => {
    const [article] = splitPage(page("Bộ trưởng Lê Minh Khoa và Bộ trưởng Môi trường Nhật Bản Tanaka Ichiro trao đổi bên lề Hội nghị Bộ trưởng lần thứ 18"));
    expect(article!.body).not.toContain("Tanaka");
    expect(article!.body).toContain("lộ trình giảm phát thải");
  });

  it("keeps a short subheading, and hard-wrapped lines of running text", () => {
    expect(splitPage(page("Ưu tiên giảm phát thải"))[0]!.body).toContain("Ưu tiên giảm phát thải");
    const wrapped = [
      "Bộ trưởng Môi trường ASEAN họp tại Bangkok",
      "",
      "Chiều 5/3, Bộ trưởng Lê Minh Khoa dẫn đầu đoàn Việt Nam dự Hội nghị.",
      "Các Bộ trưởng Môi trường các nước ASEAN cùng Bộ trưởng Nhật Bản Tanaka Ichiro",
      "thảo luận về lộ trình giảm phát thải của khu vực.",
    ].join("\n");
    expect(splitPage(wrapped)[0]!.body).toContain("Tanaka Ichiro");
  });

  it("reads the lead after a caption that opens the page, not the caption, as the article", () => {
    const [article] = splitPage(
      "Toàn cảnh phiên họp tại Bangkok. Ảnh: Hữu Tâm |\nHội nghị Bộ trưởng Môi trường ASEAN lần thứ 18 khai mạc sáng 5/3 tại Bangkok, Thái Lan, với sự tham dự của các đoàn đại biểu.\nCác Bộ trưởng thống nhất lộ trình mới.",
    );
    expect(article!.body.startsWith("Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 18 khai mạc")).toBe(true);
    expect(article!.body).not.toContain("Toàn cảnh");
  });
});

describe("dates besides the dateline", () => {
  it.each([
    [" date 2019-03 Sáng 5/3, hội nghị khai mạc.", "2019-03", null, "Sáng 5/3, hội nghị khai mạc."],
    ["date 2021-12-02 Chiều 1/12, hội nghị bế mạc.", null, "2021-12-02", "Chiều 1/12, hội nghị bế mạc."],
    ["Ngày 5/3, hội nghị khai mạc (date 2019-03).", null, null, "Ngày 5/3, hội nghị khai mạc (date 2019-03)."],
  ])("reads the crawl-date prefix of %j", (text, month, day, rest) => {
    expect(readCrawlPrefix(text)).toEqual({ month, day, rest });
  });

  it.each([
    ["Sáng nay (5/3), đoàn Việt Nam lên đường dự hội nghị.", "2019-03", "2019-03-05"],
    ["Chiều nay (28-12), hội nghị bế mạc.", "2019-01", "2018-12-28"],
    ["Tối sớm nay (ngày 2/3), đoàn về nước.", "2019-03", "2019-03-02"],
    ["Sáng 5/3, hội nghị khai mạc.", "2019-03", null],
  ])("a lead %j crawled in %s was written on %s", (lead, crawled, day) => {
    expect(leadDate(lead, crawled)).toBe(day);
  });

  it("gives the page a crawl month, or a publication day, and never takes a crawl month for a day", () => {
    const lead = "Sáng 5/3, Bộ trưởng Lê Minh Khoa dẫn đầu đoàn Việt Nam dự Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 18 tại Bangkok, Thái Lan.";
    const [month] = splitPage(` date 2019-03 ${lead}`);
    expect([month!.published, month!.crawled, month!.body]).toEqual([null, "2019-03", lead]);
    const [today] = splitPage(` date 2019-03 Sáng nay (5/3), Bộ trưởng Lê Minh Khoa dẫn đầu đoàn Việt Nam dự Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 18 tại Bangkok.`);
    expect(today!.published).toBe("2019-03-05");
    const [day] = splitPage(` date 2019-03-06 ${lead}`);
    expect([day!.published, day!.crawled]).toEqual(["2019-03-06", undefined]);
  });

  it.each([
    ["2027-04-30", "2027-04-30"],
    ["Cập nhật:2027-04-30 08:12:45   Lượt xem:12 Nguồn:XYZ", "2027-04-30"],
    ["Ban Quốc tế-Thứ sáu, ngày 30/04/2027 08:12 GMT+7", "2027-04-30"],
  ])("reads the dateline %j", (line, day) => {
    expect(classifyLine(line)).toBe("dateline");
    expect(datelineDate(line)).toBe(day);
  });

  it("does not take a sentence that opens on an ISO date for a dateline", () => {
    expect(classifyLine("2027-04-30 là ngày Hội nghị Bộ trưởng Y tế ASEAN lần thứ 16 bế mạc tại Manila sau ba ngày làm việc với nhiều kết quả.")).toBe("text");
  });
});
