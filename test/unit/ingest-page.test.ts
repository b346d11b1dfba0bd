// Page text → articles: furniture dropped, metadata read, several articles split apart.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { htmlToText } from "../../src/ingest/html.ts";
import { readArticles } from "../../src/ingest/read-file.ts";
import { splitPage } from "../../src/ingest/page.ts";

const sample = (id: string) => readArticles(`${id}.txt`, readFileSync(new URL(`../../graph/articles/${id}.txt`, import.meta.url)))[0]!;

describe("splitPage", () => {
  it("reads the title, date and publisher of a sample page", () => {
    const a = sample("000_4239434da843aca9");
    expect(a.title).toBe("Hội nghị ASEAN 37: Nơi hội tụ sức mạnh đoàn kết, thích ứng, tương tác cao");
    expect(a.published).toBe("2020-11-16");
    expect(a.publisher).toBe("ICTVietnam");
  });

  it.each([
    ["000_4239434da843aca9", ["Tô Lâm", "Nổi bật", "Đừng bỏ lỡ", "Ảnh: Trần Hải", "Ảnh 1", "POWERED BY", "Theo dõi"]],
    ["002_fcf32e649116f6ed", ["0:00", "Phan Văn Giang", "Tuyên Quang", "cử tri", "(Ngày Nay)"]],
    ["003_b8323a25ea180b39", ["Đường dây nóng", "toasoan@", "Minh Khánh", "Minh Đức", "NỔI BẬT"]],
    ["004_c663cb063f797fa1", ["Bạn đang đọc bài viết", "hotline", "phutrachnoidung", "\nBNG"]],
  ])("drops the page furniture of %s", (id, furniture) => {
    const { body } = sample(id);
    for (const f of furniture) expect(body).not.toContain(f);
  });

  it("reads a page that opens on its lead, all on one line: the first sentence is the title, the line the body", () => {
    const lead = "Sáng 3/4, Hội nghị Bộ trưởng Nông Lâm ASEAN lần thứ 41 đã diễn ra tại Bandar Seri Begawan dưới sự chủ trì của Brunei. " +
      "Tham dự Hội nghị có các Bộ trưởng Nông nghiệp của mười nước thành viên và Tổng thư ký ASEAN. Thứ trưởng Lê Văn Bình dẫn đầu đoàn Việt Nam dự Hội nghị.";
    const [article] = splitPage(lead);
    expect(article!.title).toBe("Sáng 3/4, Hội nghị Bộ trưởng Nông Lâm ASEAN lần thứ 41 đã diễn ra tại Bandar Seri Begawan dưới sự chủ trì của Brunei");
    expect(article!.body).toBe(lead);
  });

  it("drops a block of related articles set between two paragraphs, and reads the report on after it", () => {
    const page = [
      "Bộ Y tế họp báo về Hội nghị Bộ trưởng Y tế ASEAN",
      "",
      "Sáng 2/5, Thứ trưởng Bộ Y tế Trần Văn Khoa chủ trì cuộc họp báo về kết quả Hội nghị Bộ trưởng Y tế ASEAN lần thứ 19 tại Hà Nội.",
      "TIN LIÊN QUAN",
      "Việt Nam và Lào ký kết Bản ghi nhớ về y tế dự phòng",
      "Hợp tác y tế ASEAN bước sang giai đoạn mới",
      "",
      "Phát biểu tại họp báo, Thứ trưởng Trần Văn Khoa cho biết Hội nghị đã thông qua Tuyên bố Hà Nội về y tế cơ sở và nhất trí tăng cường hợp tác phòng chống dịch bệnh trong khu vực trong những năm tới.",
    ].join("\n");
    const [article] = splitPage(page);
    expect(article!.body).toContain("Tuyên bố Hà Nội về y tế cơ sở");
    expect(article!.body).not.toContain("Bản ghi nhớ về y tế dự phòng");
    expect(article!.body).not.toContain("TIN LIÊN QUAN");
  });

  it("keeps the source line and the last paragraph of the report", () => {
    const { body, published, publisher } = sample("002_fcf32e649116f6ed");
    expect(body.endsWith("Theo Bộ Ngoại giao")).toBe(true);
    expect(body.startsWith("Ngày 17/6, ASEAN tổ chức")).toBe(true);
    expect(published).toBeNull();
    expect(publisher).toBe("Ngày Nay");
  });

  it("splits a page that holds two articles, each with its title and dateline", () => {
    const page = [
      "Hội nghị thứ nhất khai mạc tại Hà Nội", "PV| 01/03/2024 08:00", "Ngày 1/3, Hội nghị A khai mạc.", "Đoạn hai của bài một.",
      "", "Bài thứ hai về Diễn đàn khu vực ASEAN", "PV| 05/03/2024 09:30", "Ngày 5/3, Diễn đàn B bế mạc.",
    ].join("\n");
    const articles = splitPage(page);
    expect(articles.map((a) => [a.title, a.published])).toEqual([
      ["Hội nghị thứ nhất khai mạc tại Hà Nội", "2024-03-01"],
      ["Bài thứ hai về Diễn đàn khu vực ASEAN", "2024-03-05"],
    ]);
    expect(articles[0]!.body).toBe("Ngày 1/3, Hội nghị A khai mạc.\n\nĐoạn hai của bài một.");
  });

  it("gives the further articles of a file their own ids", () => {
    const page = "Tiêu đề bài một dài hơn mười lăm\n01/03/2024 08:00\nThân bài một.\nTiêu đề bài hai dài hơn mười lăm\n02/03/2024 08:00\nThân bài hai.";
    expect(readArticles("trang.txt", Buffer.from(page)).map((a) => a.id)).toEqual(["trang", "trang#2"]);
  });

  // A site's header as pages come from the web: its name, the day's date, a menu, a hotline.
  const header = [
    "Báo Điện tử Tin Ngoại giao", "Thứ Tư, 24/9/2025", "Tiếng Việt  English  Français  中文",
    "Trang chủ", "Chính trị", "Thế giới", "Pháp luật", "Khoa học - Công nghệ", "Đường dây nóng: 0919 411 881",
    "Trang chủ | Thời sự | Quốc tế | Multimedia", "Thế giới › ASEAN", "",
  ];
  const lead = "Trong hai ngày 23-24/9, Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 57 đã diễn ra tại Kuala Lumpur, Malaysia.";

  it("takes a site's header and menus for furniture, not for an article: one article, the file's own id", () => {
    const page = [...header, "ASEAN thông qua khung chiến lược về chuỗi cung ứng", "24/09/2025 21:05 GMT+7", "", lead, "Đoạn thứ hai của bài viết."].join("\n");
    const articles = readArticles("trang.txt", Buffer.from(page));
    expect(articles.map((a) => [a.id, a.title, a.published])).toEqual([["trang", "ASEAN thông qua khung chiến lược về chuỗi cung ứng", "2025-09-24"]]);
    expect(articles[0]!.body).toBe(`${lead}\n\nĐoạn thứ hai của bài viết.`);
    for (const menu of ["Pháp luật", "Chính trị", "Thời sự", "ASEAN\n"]) expect(articles[0]!.body).not.toContain(menu);
  });

  it("gives an article without a dateline of its own the date of the page's header", () => {
    const page = [...header, "ASEAN thông qua khung chiến lược về chuỗi cung ứng", "", lead].join("\n");
    expect(splitPage(page).map((a) => [a.title, a.published])).toEqual([["ASEAN thông qua khung chiến lược về chuỗi cung ứng", "2025-09-24"]]);
  });

  it("starts at the title an HTML page's metadata names, and drops a byline and sharing buttons before the lead", () => {
    const page = ["Báo Thế giới & Việt Nam", "Thời sự", "Kinh tế", "Thế giới", "Hội nghị Cấp cao Đông Á lần thứ 16 bế mạc", "Minh Quân", "Chia sẻ", lead].join("\n");
    const [article] = splitPage(page, { title: "Hội nghị Cấp cao Đông Á lần thứ 16 bế mạc", published: "2021-10-28" });
    expect([article!.title, article!.published, article!.body]).toEqual(["Hội nghị Cấp cao Đông Á lần thứ 16 bế mạc", "2021-10-28", lead]);
  });

  it.each([
    ["a menu with 'Video' in it, a section label, a dateline with the time first",
      ["VOV.VN - Báo điện tử", "Trang chủ", "Chính trị", "Thế giới", "Video", "Podcast", "Thứ Ba, 28/10/2025", "Hotline: 0962 25 1111 | Đăng nhập", "", "Chính trị", "",
        "Thủ tướng kết thúc chuyến tham dự Hội nghị Cấp cao ASEAN 47", "", "Thứ Ba, 21:15, 28/10/2025", "", lead],
      ["Thủ tướng kết thúc chuyến tham dự Hội nghị Cấp cao ASEAN 47", "2025-10-28"]],
    ["a byline between the title and the dateline",
      ["THANH NIÊN", "Thời sự | Thế giới | Kinh tế | Đời sống", "", "Việt Nam khởi xướng sáng kiến kết nối chuỗi giá trị nông sản", "Hoài Nam", "25/09/2025 07:30 GMT+7", "", lead],
      ["Việt Nam khởi xướng sáng kiến kết nối chuỗi giá trị nông sản", "2025-09-25"]],
    ["a menu with middle dots and a dateline after the section's name",
      ["Báo Thế giới & Việt Nam", "• Thời sự · Ngoại giao · Thế giới · Kinh tế · Người Việt bốn phương · Văn hóa · English", "", "Phó Thủ tướng dự Hội nghị hẹp Bộ trưởng Ngoại giao ASEAN tại Cebu", "Ngoại giao · 29/01/2026 19:05", "", lead],
      ["Phó Thủ tướng dự Hội nghị hẹp Bộ trưởng Ngoại giao ASEAN tại Cebu", "2026-01-29"]],
    ["a site's tagline and a dateline before the title",
      ["NHÂN DÂN ĐIỆN TỬ", "Cơ quan Trung ương của Đảng Cộng sản Việt Nam - Tiếng nói của Đảng, Nhà nước và Nhân dân Việt Nam", "Chính trị | Xã luận | Kinh tế | Văn hóa",
        "", "Thế giới > Bình luận quốc tế", "", "Thứ Ba, 14-12-2027, 22:05", "", "ASEAN và EU mở chương mới sau nửa thế kỷ đối tác", "", lead],
      ["ASEAN và EU mở chương mới sau nửa thế kỷ đối tác", "2027-12-14"]],
    ["a dateline carrying the byline or the section after a bar",
      ["NGƯỜI LAO ĐỘNG ONLINE", "Thời sự | Quốc tế | Lao động | Công đoàn", "", "Đại sứ: \"Cebu là dấu mốc ASEAN chủ động thích ứng\"", "", "29-05-2026 - 06:30 | Thời sự", "Minh Châu thực hiện", "", lead],
      ["Đại sứ: \"Cebu là dấu mốc ASEAN chủ động thích ứng\"", "2026-05-29"]],
  ])("reads the title and date of a page with %s", (_, lines, expected) => {
    const articles = splitPage((lines as string[]).join("\n"));
    expect(articles.map((a) => [a.title, a.published])).toEqual([expected]);
    expect(articles[0]!.body).toBe(lead);
  });

  it("drops a related article linked in brackets between paragraphs", () => {
    const page = ["Tiêu đề của bài viết về ASEAN", "01/03/2024 08:00", lead, "[Việt Nam đề xuất 13 ưu tiên cho Hội nghị Bộ trưởng Kinh tế ASEAN hẹp]", "Đoạn thứ hai của bài viết."].join("\n");
    expect(splitPage(page)[0]!.body).toBe(`${lead}\n\nĐoạn thứ hai của bài viết.`);
  });

  it("drops a page's counters and stray icon letters, and reads the publisher's tag on the lead behind them", () => {
    const page = "Việt Nam dự hội nghị các cơ quan du lịch ASEAN tại Manila\n\n12/02/2027 09:10:11\n\nLượt xem: 108\n\nZ\n\n(XYZ) - Ngày 12/02, tại Manila, ông Lê Văn Tâm dẫn đầu đoàn Việt Nam tham dự Hội nghị Cơ quan Du lịch Quốc gia ASEAN lần thứ 64.\n\nHội nghị thông qua kế hoạch năm.";
    const [a] = splitPage(page);
    expect(a!.publisher).toBe("XYZ");
    expect(a!.published).toBe("2027-02-12");
    expect(a!.body.startsWith("Ngày 12/02, tại Manila")).toBe(true);
    expect(a!.body).not.toContain("Lượt xem");
    expect(a!.body).not.toMatch(/^Z$/mu);
  });

  it("keeps a short list in the body when it is not a run of menu entries", () => {
    const page = ["Tiêu đề của bài viết về ASEAN", "01/03/2024 08:00", lead, "Hai văn kiện:", "Tuyên bố Hà Nội về hợp tác số.", "Kế hoạch hành động ASEAN 2026."].join("\n");
    expect(splitPage(page)[0]!.body).toContain("Tuyên bố Hà Nội về hợp tác số.");
  });
});

describe("htmlToText", () => {
  it("keeps only outermost <article> elements as articles: a nested one is part of its parent", () => {
    const html = "<article><p>Một.</p><article><p>Hai.</p></article></article><article><p>Ba.</p></article>";
    expect(htmlToText(html).articles).toEqual(["Một.\n\nHai.", "Ba."]);
  });

  it("drops scripts, styles and page chrome and reads the metadata", () => {
    const html = `<html><head><title>Tiêu đề | Báo</title><meta property="og:site_name" content="Báo Mẫu">
      <meta property="article:published_time" content="2023-07-14T09:30:00+07:00"><script>alert("x")</script><style>p{}</style></head>
      <body><nav>Trang chủ</nav><article><h1>Tiêu đề bài</h1><p>Đoạn <b>một</b> &amp; hai.</p><script>var x = "Hội nghị giả";</script></article>
      <aside>Tin liên quan</aside><footer>Bản quyền</footer></body></html>`;
    const out = htmlToText(html);
    expect(out.text).toBe("Tiêu đề bài\n\nĐoạn một & hai.");
    expect(out.title).toBe("Tiêu đề | Báo");
    expect(out.publisher).toBe("Báo Mẫu");
    expect(out.published).toBe("2023-07-14T09:30:00+07:00");
  });
});
