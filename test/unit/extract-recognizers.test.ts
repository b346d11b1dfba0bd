// Recognisers: officials, meetings, documents and dates found by the shape of the text.
import { describe, expect, it } from "vitest";
import type { OfficialMention } from "../../src/extract/types.ts";
import { extract, names } from "../helpers/extract.ts";

describe("officials", () => {
  it.each([
    ["Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh phát biểu.", "Phạm Bình Minh", ["Phó Thủ tướng", "Bộ trưởng Ngoại giao"], undefined],
    ["Thứ trưởng Bộ Ngoại giao Đỗ Hùng Việt cho biết.", "Đỗ Hùng Việt", ["Thứ trưởng Bộ Ngoại giao"], "VN"],
    ["Thứ trưởng Ngoại giao, Trưởng SOM ASEAN Việt Nam Nguyễn Quốc Dũng dẫn đầu.", "Nguyễn Quốc Dũng", ["Thứ trưởng Ngoại giao", "Trưởng SOM ASEAN"], "VN"],
    ["Thủ tướng Campuchia Hun Manet phát biểu.", "Hun Manet", ["Thủ tướng"], "KH"],
    ["Ngoại trưởng Mỹ Antony Blinken đến Hà Nội.", "Antony Blinken", ["Ngoại trưởng"], "US"],
    // "Ngài" calls a foreign name as "ông" does; a body's name runs to its state through three lower-case syllables
    ["Bộ trưởng hội đàm với Ngài Ricardo Santos Ong, Cố vấn Hội đồng An ninh quốc gia Philippines.", "Ricardo Santos Ong", ["Cố vấn Hội đồng An ninh quốc gia"], "PH"],
    ["Đoàn thăm Thái Lan theo lời mời của Ngài Somchai Rattana, Chủ tịch Hạ viện Vương quốc Thái Lan.", "Somchai Rattana", ["Chủ tịch Hạ viện"], "TH"],
    // the person called by name after a comma, behind a portfolio of several ministries and its state
    ["Bộ trưởng Đầu tư, Thương mại và Công nghiệp Malaysia, ông Amir Hamzah Aziz, cho biết.", "Amir Hamzah Aziz", ["Bộ trưởng Đầu tư, Thương mại và Công nghiệp"], "MY"],
    ["Phó Thủ tướng Chính phủ Lê Minh Khôi đến dự.", "Lê Minh Khôi", ["Phó Thủ tướng Chính phủ"], undefined],
    ["Tổng Thư ký ASEAN Kao Kim Hourn cũng có mặt.", "Kao Kim Hourn", ["Tổng Thư ký ASEAN"], undefined],
    // what a deputy of an international body is in charge of, between the body and the person
    ["Phó Tổng Thư ký ASEAN phụ trách Cộng đồng Văn hóa - Xã hội Ekkaphab Phanthavong cũng có mặt.", "Ekkaphab Phanthavong", ["Phó Tổng Thư ký ASEAN phụ trách Cộng đồng Văn hóa - Xã hội"], undefined],
    ["Quốc vương Brunei Hassanal Bolkiah, Chủ tịch ASEAN 2021 khai mạc.", "Hassanal Bolkiah", ["Quốc vương", "Chủ tịch ASEAN 2021"], "BN"],
    ["Đại sứ Việt Nam tại Indonesia Tạ Văn Thông dự lễ.", "Tạ Văn Thông", ["Đại sứ Việt Nam tại Indonesia"], "VN"],
    ["Theo ông Vũ Hồ, Vụ trưởng Vụ ASEAN, Bộ Ngoại giao, hội nghị thành công.", "Vũ Hồ", ["Vụ trưởng Vụ ASEAN"], undefined],
    // a surname alone after a title naming a state, then lower case or punctuation; not before another capital
    ["Thủ tướng Nhật Bản Sato cho biết Nhật Bản sẽ hỗ trợ.", "Sato", ["Thủ tướng"], "JP"],
    ["Thống đốc Ngân hàng Nhà nước Việt Nam Trần Văn Sơn chủ trì.", "Trần Văn Sơn", ["Thống đốc Ngân hàng Nhà nước Việt Nam"], "VN"],
    // a body's name longer than three lower-case syllables, with "và" and a comma inside, then the person
    ["Cục trưởng Cục Quản lý rừng ngập mặn và Bảo tồn, phục hồi đất ngập nước Trần Thị Lan cùng dự.", "Trần Thị Lan", ["Cục trưởng Cục Quản lý rừng ngập mặn và Bảo tồn, phục hồi đất ngập nước"], undefined],
    // a portfolio of several ministries, joined by commas and "và"
    ["Bộ trưởng Đầu tư, Thương mại và Công nghiệp Malaysia Ahmad Rizal Hamzah chủ trì.", "Ahmad Rizal Hamzah", ["Bộ trưởng Đầu tư, Thương mại và Công nghiệp"], "MY"],
    ["Bộ trưởng Thương mại và Công nghiệp Singapore Tan Kok Wee phát biểu.", "Tan Kok Wee", ["Bộ trưởng Thương mại và Công nghiệp"], "SG"],
    // a foreign portfolio the lexicon does not list, closed by its state; a second title after ", kiêm"
    ["Bộ trưởng Trồng trọt và Hàng hóa Malaysia Ahmad Rizal Hamzah chủ trì.", "Ahmad Rizal Hamzah", ["Bộ trưởng Trồng trọt và Hàng hóa"], "MY"],
    ["Bộ trưởng Du lịch Malaysia, kiêm Quyền Bộ trưởng Ngoại giao, ông Ahmad Rizal Hamzah chủ trì.", "Ahmad Rizal Hamzah", ["Bộ trưởng Du lịch", "Quyền Bộ trưởng Ngoại giao"], "MY"],
    ["Bộ trưởng Ngoại giao, Thứ trưởng Nguyễn Văn An dự họp.", "Nguyễn Văn An", ["Bộ trưởng Ngoại giao", "Thứ trưởng"], undefined],
    // ranks and royal titles stand right before a name of any language
    ["Bộ trưởng Ngoại giao và Thương mại Brunei, Hoàng thân Mohamed Bolkiah chủ trì Hội nghị.", "Mohamed Bolkiah", ["Bộ trưởng Ngoại giao và Thương mại", "Hoàng thân"], "BN"],
    ["Lãnh đạo quân đội Myanmar, Thống tướng Min Aung Hlaing cũng tham dự.", "Min Aung Hlaing", ["Thống tướng"], undefined],
    // a state in its formal style; an assistant's title names the title served
    ["Nhận lời mời của Tổng thống nước Cộng hòa Philippines Rodrigo Roa Duterte, Thủ tướng Nguyễn Xuân Phúc lên đường.", "Rodrigo Roa Duterte", ["Tổng thống"], "PH"],
    ["Tháp tùng có Trợ lý Thủ tướng Chính phủ Bùi Huy Hùng.", "Bùi Huy Hùng", ["Trợ lý Thủ tướng Chính phủ"], undefined],
    ["Tháp tùng có Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng.", "Mai Tiến Dũng", ["Bộ trưởng", "Chủ nhiệm Văn phòng Chính phủ"], "VN"],
    ["Đại sứ, Trưởng Phái đoàn Việt Nam tại ASEAN Nguyễn Hoành Năm dự lễ.", "Nguyễn Hoành Năm", ["Đại sứ", "Trưởng Phái đoàn Việt Nam tại ASEAN"], "VN"],
    ["Ông có cuộc gặp với Ngoại trưởng Mỹ Antony J. Blinken tại Jakarta.", "Antony J. Blinken", ["Ngoại trưởng"], "US"],
    ["Hội nghị do Chủ tịch Hội đồng châu Âu Henrik Vestergaard chủ trì.", "Henrik Vestergaard", ["Chủ tịch Hội đồng châu Âu"], undefined],
    // hyphenated names, particles inside them, honorifics before them that are not part of them
    ["Hội nghị do Bộ trưởng Ngoại giao Philippines Cristina Villanueva-Reyes chủ trì.", "Cristina Villanueva-Reyes", ["Bộ trưởng Ngoại giao"], "PH"],
    ["Thủ tướng Timor-Leste Mateus da Costa Soares lần đầu dự họp.", "Mateus da Costa Soares", ["Thủ tướng"], "TL"],
    ["Hội nghị dưới sự chủ trì của Bộ trưởng Quốc phòng Malaysia Dato' Seri Khairul Anuar Mokhtar.", "Khairul Anuar Mokhtar", ["Bộ trưởng Quốc phòng"], "MY"],
    // a foreign leader after a title and the state, in its style or set apart by a dash
    ["Ông hội đàm với Tổng thống Hàn Quốc Park Min-seo tại Seoul.", "Park Min-seo", ["Tổng thống"], "KR"],
    ["Hội nghị có sự tham dự của Thủ tướng nước chủ nhà Indonesia Budi Wirawan Santoso.", "Budi Wirawan Santoso", ["Thủ tướng"], "ID"],
    ["Nhận lời mời của Tổng thống Indonesia - Agus Hadi Pranoto, đoàn lên đường.", "Agus Hadi Pranoto", ["Tổng thống"], "ID"],
    ["Thủ tướng Vương quốc Campuchia Samdech Techo Chea Vuthy phát biểu.", "Chea Vuthy", ["Thủ tướng"], "KH"],
    ["Thủ tướng Thái Lan Somchai Chan-o-wat phát biểu.", "Somchai Chan-o-wat", ["Thủ tướng"], "TH"],
    ["Cố vấn Nhà nước Myanmar Khin Mya Win dự họp.", "Khin Mya Win", ["Cố vấn Nhà nước"], "MM"],
    ["Phó Thủ tướng kiêm Bộ trưởng Ngoại giao Campuchia Sok Vanna dự họp.", "Sok Vanna", ["Phó Thủ tướng", "Bộ trưởng Ngoại giao"], "KH"],
    ["Thủ tướng Sok Chenda của Campuchia không thể tham dự.", "Sok Chenda", ["Thủ tướng"], "KH"],
    ["Thủ tướng Lào, nước Chủ tịch ASEAN, Bounmy Keo đồng chủ trì.", "Bounmy Keo", ["Thủ tướng"], "LA"],
    // a rank names no state: the state right before it is the person's
    ["Lãnh đạo quân đội Myanmar Thống tướng Min Thura Aung cũng dự.", "Min Thura Aung", ["Thống tướng"], "MM"],
    // a portfolio of several words, a second minister; a title that takes no body before a name of any language
    ["Bộ trưởng Năng lượng và Mỏ Lào Khamphet Vongsa chủ trì.", "Khamphet Vongsa", ["Bộ trưởng Năng lượng và Mỏ"], "LA"],
    ["Bộ trưởng Ngoại giao và Hợp tác Timor-Leste Maria Ximenes dự họp.", "Maria Ximenes", ["Bộ trưởng Ngoại giao và Hợp tác"], "TL"],
    ["Phát biểu, ông Datu Seri Haji Rahman bin Osman, Bộ trưởng thứ hai Bộ Quốc phòng Brunei, cho biết.", "Rahman bin Osman", ["Bộ trưởng thứ hai Bộ Quốc phòng"], "BN"],
    ["Tổng thống Sergio Alvarez Cruz khẳng định hợp tác.", "Sergio Alvarez Cruz", ["Tổng thống"], undefined],
    // a rank of one star; Malay honorifics written as the name when no name of two words follows them (the curly apostrophe inside)
    ["Chuẩn tướng Dato Seri bin Haji Rah’man, Thư ký Thường trực Bộ Quốc phòng Brunei điều hành phiên họp.", "Dato Seri bin Haji Rah’man", ["Chuẩn tướng", "Thư ký Thường trực Bộ Quốc phòng"], "BN"],
    ["Hội nghị dưới sự chủ trì của Ngài Pehin Dato Osman, Bộ trưởng Văn phòng Thủ tướng kiêm Bộ trưởng Năng lượng của Brunei Darussalam, đã khai mạc.", "Pehin Dato Osman", ["Bộ trưởng Văn phòng Thủ tướng", "Bộ trưởng Năng lượng"], "BN"],
    // the head of a Party commission
    ["Về phía Việt Nam, Trưởng Ban Đối ngoại Trung ương Lê Hoài Nam dự phiên khai mạc.", "Lê Hoài Nam", ["Trưởng ban Đối ngoại Trung ương"], undefined],
    // Vietnamese titles of several words, kept as written; a rank right after a title; a ministry
    // written with "Bộ" is the state's the lexicon knows it for, unless a state follows
    ["Phó Chủ tịch thường trực Quốc hội Giàng Thị Mai dự lễ.", "Giàng Thị Mai", ["Phó Chủ tịch Thường trực Quốc hội"], "VN"],
    ["Có mặt Chánh án Tòa án Nhân dân Tối cao Trần Văn Bình.", "Trần Văn Bình", ["Chánh án Tòa án Nhân dân Tối cao"], "VN"],
    ["Quyền Giám đốc Học viện Ngoại giao Đỗ Thu Hà phát biểu.", "Đỗ Thu Hà", ["Quyền Giám đốc Học viện Ngoại giao"], "VN"],
    ["Thứ trưởng Bộ Lao động, Thương binh và Xã hội Lê Minh Khoa dẫn đầu.", "Lê Minh Khoa", ["Thứ trưởng Bộ Lao động, Thương binh và Xã hội"], "VN"],
    ["Bộ trưởng Bộ Công an Đại tướng Trần Quốc Hưng dẫn đầu.", "Trần Quốc Hưng", ["Bộ trưởng Bộ Công an", "Đại tướng"], "VN"],
    ["Chủ tịch Quốc hội Việt Nam, Chủ tịch AIPA 45 Vương Đình Lộc phát biểu.", "Vương Đình Lộc", ["Chủ tịch Quốc hội", "Chủ tịch AIPA 45"], "VN"],
    ["Đại sứ, Giáo sư, Tiến sĩ Hoàng Minh Tâm, Đại diện Việt Nam tại AICHR chủ trì.", "Hoàng Minh Tâm", ["Đại sứ", "Đại diện Việt Nam tại AICHR"], "VN"],
    ["Đại sứ Vũ Lan - Quyền Trưởng SOM ASEAN dẫn đầu đoàn.", "Vũ Lan", ["Đại sứ", "Quyền Trưởng SOM ASEAN"], undefined],
    ["Phát biểu, Chủ tịch Quốc hội Trần Minh Đức Chủ tịch Quốc hội đề xuất.", "Trần Minh Đức", ["Chủ tịch Quốc hội"], undefined],
    ["Phiên họp do Bộ trưởng Ngoại giao Đào Văn Hải, Chủ tịch Hội đồng Quốc gia (HĐQG) chủ trì.", "Đào Văn Hải", ["Bộ trưởng Ngoại giao", "Chủ tịch Hội đồng Quốc gia"], undefined],
    // titles the press also writes in lower case, before a name; an assistant's title to a leader's, before a foreign name
    ["Trước đó, trợ lý tổng thống Piotr Ivanov cho biết văn kiện đã sẵn sàng.", "Piotr Ivanov", ["Trợ lý Tổng thống"], undefined],
    ["Phó thủ tướng Thái Lan Pra-sit chủ trì hội nghị.", "Pra-sit", ["Phó Thủ tướng"], "TH"],
    // a verb after a title in apposition is the sentence's, not lower-case syllables of a body ("… ASEAN-Việt Nam trình bày,")
    ["Hội nghị nghe báo cáo do Thứ trưởng Lê Văn Khôi, Trưởng SOM ASEAN-Việt Nam trình bày, đánh giá tổng quan.", "Lê Văn Khôi", ["Thứ trưởng", "Trưởng SOM ASEAN-Việt Nam"], undefined],
    // a foreign name after a word of address ("ngài") and before its titles
    ["Theo lời mời của Ngài Somsak Chai, Chủ tịch Hạ viện Thái Lan, đoàn lên đường.", "Somsak Chai", ["Chủ tịch Hạ viện"], "TH"],
  ])("%s", (text, name, titles, iso) => {
    const official = extract(text).mentions.find((m): m is OfficialMention => m.kind === "Official")!;
    expect(official.name).toBe(name);
    expect(official.titles).toEqual(titles);
    expect(official.countryIso).toBe(iso);
  });

  it("reads a list of foreign ministers, each title with its own state and name", () => {
    const text = "Tham dự có Bộ trưởng Thương mại Indonesia Agus Prasetyo Nugroho, Bộ trưởng Thương mại Thái Lan Anucha Siriwat, Bộ trưởng Thương mại và Công nghiệp Philippines Maria Lourdes Santiago.";
    const officials = extract(text).mentions.filter((m): m is OfficialMention => m.kind === "Official");
    expect(officials.map((m) => [m.name, m.countryIso, m.titles])).toEqual([
      ["Agus Prasetyo Nugroho", "ID", ["Bộ trưởng Thương mại"]],
      ["Anucha Siriwat", "TH", ["Bộ trưởng Thương mại"]],
      ["Maria Lourdes Santiago", "PH", ["Bộ trưởng Thương mại và Công nghiệp"]],
    ]);
  });

  it("reads 'Ông Huy', 'bà Villanueva' and a title before a full name as the officials named before", () => {
    const text = "Bộ trưởng Ngoại giao Philippines Elena Santos Villanueva chủ trì. Phó Thủ tướng Đinh Quang Huy phát biểu. Bà Villanueva cảm ơn. Ông Huy đề xuất. Ông Huy Hoàng đến.";
    const officials = extract(text).mentions.filter((m): m is OfficialMention => m.kind === "Official");
    expect(officials.map((m) => [m.name, m.sentence])).toEqual([
      // "Ông Huy Hoàng" is another person, called by a full name of his own, not Đinh Quang Huy
      ["Elena Santos Villanueva", 0], ["Đinh Quang Huy", 1], ["Elena Santos Villanueva", 2], ["Đinh Quang Huy", 3], ["Huy Hoàng", 4],
    ]);
  });

  it.each([
    // a place before a title is no person
    ["Sáng 9/9, tại Hà Nội, Thủ tướng Chính phủ Nguyễn An Khang phát biểu.", [["Nguyễn An Khang", "Thủ tướng Chính phủ Nguyễn An Khang"]]],
    // a title with its state and no name stands for the one who holds it, named before or after
    ["Thủ tướng Lào Bounmy Keo phát biểu. Thủ tướng Lào nhấn mạnh hợp tác.", [["Bounmy Keo", "Thủ tướng Lào Bounmy Keo"], ["Bounmy Keo", "Thủ tướng Lào"]]],
    ["Thủ tướng Lào cho biết sẽ hợp tác. Sau đó Thủ tướng Lào Bounmy Keo chủ trì.", [["Bounmy Keo", "Thủ tướng Lào"], ["Bounmy Keo", "Thủ tướng Lào Bounmy Keo"]]],
    // ... and for no one when nobody holds it: never an official named after the state
    ["Thủ tướng Thái Lan nhấn mạnh vai trò của ASEAN.", []],
    ["Thủ tướng Malaysia Anwar Rahim phát biểu. Thủ tướng Thái Lan nhấn mạnh hợp tác.", [["Anwar Rahim", "Thủ tướng Malaysia Anwar Rahim"]]],
    // the title of a state ("nước Chủ tịch"), not of a person
    ["Hội nghị dưới sự chủ trì của nước Chủ tịch 2026 Philippines.", []],
    // an ocean whose name begins with a family name is no person; a name run into the next headline is cut, no one's
    ["Dự họp có Giám đốc khu vực Tây Thái Bình Dương, Giám đốc khu vực Đông Nam Á của WHO.", []],
    ["Cả nước tiếc thương cố Thủ tướng Trần Văn HùngKhai mạc hội chợ 2030 tại Huế.", []],
  ])("%s", (text, expected) => {
    const ex = extract(text);
    const officials = ex.mentions.filter((m): m is OfficialMention => m.kind === "Official");
    expect(officials.map((m) => [m.name, text.slice(m.start, m.end)])).toEqual(expected);
  });

  it.each([
    // one president named without a state, then the title with its state: that president's state
    ["Tổng thống Park Min-seo khẳng định hợp tác. Tổng thống Hàn Quốc công bố sáng kiến.", "KR"],
    // two presidents without a state: no telling which
    ["Tổng thống Park Min-seo phát biểu. Tổng thống Maria Cruz Santos phát biểu. Tổng thống Hàn Quốc công bố.", undefined],
    // a chair named with its state is no head of state ("Chủ tịch nước")
    ["Chủ tịch nước Trần Văn Lâm được nhắc tới. Sắp tới Chủ tịch Malaysia sẽ chủ trì.", undefined],
  ])("gives a state from a title with its state only to a sole holder named without one: %s", (text, iso) => {
    const first = extract(text).mentions.find((m): m is OfficialMention => m.kind === "Official")!;
    expect(first.countryIso).toBe(iso);
  });

  it("lets the state of a title that stands for no one stand on its own", () => {
    const countries = extract("Tổng thống Nga tham dự Hội nghị Cấp cao ASEAN - Nga.").mentions.filter((m) => m.kind === "Country" && !m.nested);
    expect(countries.map((m) => m.name)).toContain("Nga");
  });

  it("reads a title before a name known in full as that official, not as a title with a body ('Tổng thư ký Kao')", () => {
    const text = "Ông gặp Tổng thư ký ASEAN Sok Lâm Vath. Dưới sự lãnh đạo của Tổng thư ký Sok Lâm Vath, Ban thư ký sẽ lớn mạnh.";
    const officials = extract(text).mentions.filter((m) => m.kind === "Official");
    expect(officials.map((m) => [m.name, m.sentence])).toEqual([["Sok Lâm Vath", 0], ["Sok Lâm Vath", 1]]);
  });

  it("reads a bare title as the official named before it", () => {
    const officials = extract("Thủ tướng Nguyễn Xuân Phúc phát biểu. Thủ tướng nhấn mạnh vai trò của ASEAN.").mentions.filter((m) => m.kind === "Official");
    expect(officials.map((m) => [m.name, m.sentence])).toEqual([["Nguyễn Xuân Phúc", 0], ["Nguyễn Xuân Phúc", 1]]);
  });
});

describe("meetings", () => {
  it.each([
    ["Hội nghị Cấp cao ASEAN lần thứ 37 do Việt Nam làm Chủ tịch.", ["Hội nghị Cấp cao ASEAN lần thứ 37"]],
    ["HNCC ASEAN 37 và các hội nghị liên quan.", ["HNCC ASEAN 37"]],
    ["Hội nghị Cấp cao ASEAN lần thứ 38 và 39 khai mạc.", ["Hội nghị Cấp cao ASEAN lần thứ 38", "Hội nghị Cấp cao ASEAN lần thứ 39"]],
    ["Ngày 9/4, Hội nghị lần thứ 25 Hội đồng Điều phối ASEAN (ACC) được tổ chức.", ["Hội nghị lần thứ 25 Hội đồng Điều phối ASEAN"]],
    ["Ngày 17/6, ASEAN tổ chức Hội nghị tham vấn chung ASEAN (JCM) dưới sự chủ trì của Brunei.", ["Hội nghị tham vấn chung ASEAN"]],
    ["Ông chủ trì cuộc họp liên ngành tổng kết hợp tác ASEAN, sự tham gia của Việt Nam.", ["cuộc họp liên ngành tổng kết hợp tác ASEAN"]],
    ["Lễ bế mạc Hội nghị Cấp cao ASEAN 37 và các hội nghị liên quan.", ["Hội nghị Cấp cao ASEAN 37"]],
    ["Chủ tịch Hội nghị Quan chức Cao cấp về phúc lợi xã hội và phát triển, đồng chủ trì.", ["Hội nghị Quan chức Cao cấp về phúc lợi xã hội và phát triển"]],
    ["đồng chủ trì Nhóm Công tác Hội nghị Bộ trưởng Quốc phòng ASEAN Mở rộng về gìn giữ hòa bình.", []],
    ["tổ chức các hội nghị trực tuyến quan trọng của ASEAN.", []],
    ["Ông chủ trì Hội nghị Cộng đồng Chính trị - an ninh ASEAN lần thứ 21 dưới hình thức trực tuyến.", ["Hội nghị Cộng đồng Chính trị - an ninh ASEAN lần thứ 21"]],
    ["Ông dự Hội nghị Hội đồng Khu vực Thương mại tự do ASEAN (Hội đồng AFTA) lần thứ 39, do Malaysia chủ trì.", ["Hội nghị Hội đồng Khu vực Thương mại tự do ASEAN lần thứ 39"]],
    ["Ông dự Hội nghị Ủy ban Hiệp ước Khu vực Đông Nam Á không có vũ khí hạt nhân (SEANWFZ).", ["Hội nghị Ủy ban Hiệp ước Khu vực Đông Nam Á không có vũ khí hạt nhân"]],
    ["Hội nghị ASEAN - nơi hội tụ sức mạnh đoàn kết.", ["Hội nghị ASEAN"]],
    ["Hội nghị Cấp cao ASEAN lần thứ 38 thảo luận tiến trình xây dựng Cộng đồng ASEAN.", ["Hội nghị Cấp cao ASEAN lần thứ 38"]],
    // a known body written out inside the name: the name reads with its usual name
    ["Ngày 28/4, Hội nghị Cấp cao Hiệp hội các quốc gia Đông Nam Á (ASEAN) lần thứ 32 diễn ra tại Singapore.", ["Hội nghị Cấp cao ASEAN lần thứ 32"]],
    ["Hội nghị các nhà lãnh đạo Hiệp hội các quốc gia Đông Nam Á (ASEAN) khai mạc chiều 24/4.", ["Hội nghị các nhà lãnh đạo ASEAN"]],
    ["Hội nghị Cấp cao ASEAN - EU khai mạc tại Bruxelles.", ["Hội nghị Cấp cao ASEAN - EU"]],
    ["Ông dự Hội nghị Bộ trưởng Quốc phòng các nước ASEAN (ADMM) lần thứ 17 tại Jakarta.", ["Hội nghị Bộ trưởng Quốc phòng các nước ASEAN lần thứ 17"]],
    ["Tham dự hội nghị gồm lãnh đạo 10 nước thành viên ASEAN gồm nước chủ nhà Indonesia.", []],
    ["Thủ tướng dự Hội nghị Cấp cao kỷ niệm 50 năm quan hệ ASEAN - Nhật Bản.", ["Hội nghị Cấp cao kỷ niệm 50 năm quan hệ ASEAN - Nhật Bản"]],
    ["cùng dự Hội nghị Cấp cao Cộng đồng phát thải ròng bằng 0 châu Á (AZEC).", ["Hội nghị Cấp cao Cộng đồng phát thải ròng bằng 0 châu Á"]],
    ["phát biểu tại cuộc họp báo về Hội nghị Cấp cao (HNCC) ASEAN lần thứ 37 và các hội nghị liên quan.", ["cuộc họp báo về Hội nghị Cấp cao ASEAN lần thứ 37"]],
  ])("%s", (text, expected) => {
    expect(names(text, "Meeting").filter((n) => n !== "Hội nghị")).toEqual(expected);
  });

  it("keeps the acronym in parentheses as an alias", () => {
    const meeting = extract("Hội nghị tham vấn chung ASEAN (JCM) đã diễn ra.").mentions.find((m) => m.kind === "Meeting")!;
    expect(meeting.aliases).toContain("JCM");
  });
});

describe("documents", () => {
  it.each([
    ["thông qua Kế hoạch hành động ASEAN - Liên Hợp Quốc giai đoạn 2021-2025; tuyên bố Hà Nội về Tầm nhìn Cộng đồng ASEAN đến năm 2025; quan hệ hợp tác",
      ["Kế hoạch hành động ASEAN - Liên Hợp Quốc giai đoạn 2021-2025", "tuyên bố Hà Nội về Tầm nhìn Cộng đồng ASEAN đến năm 2025"]],
    ["kêu gọi thực hiện Tuyên bố về ứng xử của các bên ở biển Đông (DOC) và sớm xây dựng Bộ quy tắc ứng xử ở biển Đông (COC) hiệu lực.",
      ["Tuyên bố về ứng xử của các bên ở biển Đông", "Bộ quy tắc ứng xử ở biển Đông"]],
    ["ban hành Kết luận số 59-KL/TW ngày 8/8/2023 về định hướng tham gia ASEAN.", ["Kết luận số 59-KL/TW"]],
    ["thông qua Bản Tường thuật về bản sắc ASEAN và đề nghị Liên Hợp quốc hỗ trợ.", ["Bản Tường thuật về bản sắc ASEAN"]],
    ["các Bộ trưởng đã lần lượt tuyên bố, bằng ngôn ngữ của mình.", []],
    ["kế hoạch mua vaccine thông qua thỏa thuận với UNICEF.", []],
    ["kêu gọi thực hiện Đồng thuận 5 điểm về Myanmar.", ["Đồng thuận 5 điểm về Myanmar"]],
  ])("%s", (text, expected) => {
    expect(names(text, "Document")).toEqual(expected);
  });

  it("takes the items of a proposal list as initiatives", () => {
    const text = "cám ơn các nước đã ủng hộ các đề xuất của Việt Nam như: Hình thành kho dự phòng của khu vực về trang thiết bị y tế; Xây dựng quy trình ứng phó chung của ASEAN; Tổ chức diễn tập trực tuyến…";
    expect(names(text, "Document")).toEqual([
      "Hình thành kho dự phòng của khu vực về trang thiết bị y tế",
      "Xây dựng quy trình ứng phó chung của ASEAN",
      "Tổ chức diễn tập trực tuyến",
    ]);
  });
});

describe("countries", () => {
  it.each([
    ["Việt Nam và Nhật Bản ký kết.", ["Việt Nam", "Nhật Bản"]],
    ["tình hình biển Nhật Bản và bán đảo Triều Tiên.", []],
    ["sử dụng 10,5 triệu đô la Mỹ.", []],
    ["Bộ Ngoại giao Nga cho biết.", []],
    ["phóng viên Minh Đức đưa tin.", []],
    // a state's name written without its hyphen is the state's
    ["Các quốc gia thành viên ASEAN và Timor Leste cùng tham dự.", ["Timor-Leste"]],
    // the Sino-Vietnamese names overseas papers keep ("Phi Luật Tân", "Tân Gia Ba", "Nam Hàn")
    ["Phi Luật Tân, Tân Gia Ba và Nam Hàn cùng tham dự.", ["Philippines", "Singapore", "Hàn Quốc"]],
  ])("%s", (text, expected) => {
    expect(names(text, "Country")).toEqual(expected);
  });
});

describe("organisations", () => {
  it.each([
    // listed bodies: ASEAN organs, UN agencies, Vietnamese state bodies by their long names
    ["Đại diện Hội đồng Kinh doanh Đông Á cùng dự.", ["Hội đồng Kinh doanh Đông Á"]],
    ["Theo Cơ quan Phòng chống ma túy và tội phạm của Liên hợp quốc (UNODC), tình hình phức tạp.", ["Cơ quan Phòng chống ma túy và tội phạm của Liên hợp quốc", "UNODC"]],
    ["Bộ GD&ĐT chủ trì cùng Bộ Lao động, Thương binh và Xã hội.", ["Bộ GD&ĐT", "Bộ Lao động, Thương binh và Xã hội"]],
    ["Lễ khai giảng diễn ra tại Học viện Ngoại giao.", ["Học viện Ngoại giao"]],
    // bodies named by their shape: a head, a remit, "ASEAN", perhaps "Quốc gia" and a year
    ["Ủy ban Quốc gia ASEAN 2027 đã họp phiên thứ hai.", ["Ủy ban Quốc gia ASEAN 2027"]],
    ["Tham dự có Ban Thư ký ASEAN Quốc gia 2027 và Ban Thư ký ASEAN.", ["Ban Thư ký ASEAN Quốc gia 2027", "Ban Thư ký ASEAN"]],
    ["Hội đồng Tư vấn Doanh nhân trẻ ASEAN ra khuyến nghị.", ["Hội đồng Tư vấn Doanh nhân trẻ ASEAN"]],
    ["Các nước đề xuất lập Trung tâm nghiên cứu thủy sản Mekong - Lan Thương.", ["Trung tâm nghiên cứu thủy sản Mekong - Lan Thương"]],
    ["Hai bên lập Trung tâm quản lý nguồn nước Mekong - Lan Thương.", ["Trung tâm quản lý nguồn nước Mekong - Lan Thương"]],
    ["Ban lãnh đạo các nước ASEAN họp.", ["ASEAN"]],
    // a ministry the lexicon knows as one state's, followed by "các nước": the ministries of the states
    ["Đoàn các nước do Bộ trưởng Bộ Y tế các nước dẫn đầu.", []],
    ["Đại diện các Tiểu ban Ủy ban Quốc gia ASEAN 2027 dự họp.", ["Ủy ban Quốc gia ASEAN 2027"]],
    ["Trưởng các Tiểu ban và Ban Thư ký ASEAN Quốc gia 2027 dự họp.", ["Ban Thư ký ASEAN Quốc gia 2027"]],
    // … not a head right before the anchor, nor a body inside a meeting's name
    ["Đoàn thăm Trung tâm ASEAN về y tế.", ["ASEAN"]],
    ["Hội nghị Hội đồng Điều phối ASEAN lần thứ 40 khai mạc.", []],
    ["Các nước lập Mạng lưới Trung tâm đào tạo nghề ASEAN.", []],
  ])("%s", (text, expected) => {
    expect(names(text, "Organization")).toEqual(expected);
  });
});

describe("document names", () => {
  it.each([
    ["Ông đề xuất xây dựng Cơ chế cảnh báo sớm hạn hán và lũ lụt Mekong - Lan Thương.", ["Cơ chế cảnh báo sớm hạn hán và lũ lụt Mekong - Lan Thương"]],
    ["Cuộc họp đã thông qua Báo cáo tổng kết Kế hoạch tổng thể 2025 và Danh mục các sáng kiến ưu tiên năm 2026.", ["Báo cáo tổng kết Kế hoạch tổng thể 2025", "Danh mục các sáng kiến ưu tiên năm 2026"]],
    ["Các nhà lãnh đạo thông qua Tuyên bố Kuala Lumpur kỷ niệm 20 năm Hội nghị Cấp cao Đông Á.", ["Tuyên bố Kuala Lumpur kỷ niệm 20 năm Hội nghị Cấp cao Đông Á"]],
    ["Các nhà lãnh đạo thông qua Tuyên bố Bruxelles về Đối tác ASEAN - EU vì hòa bình, thịnh vượng và phát triển bền vững, đồng thời nhất trí.", ["Tuyên bố Bruxelles về Đối tác ASEAN - EU vì hòa bình, thịnh vượng và phát triển bền vững"]],
    // … but not into a clause that names another document
    ["Các nước lập Mạng lưới Làng ASEAN và thực hiện Kế hoạch hành động Hà Nội.", ["Mạng lưới Làng ASEAN", "Kế hoạch hành động Hà Nội"]],
  ])("%s", (text, expected) => {
    expect(names(text, "Document")).toEqual(expected);
  });
});

describe("meeting dates, places and formats", () => {
  it.each([
    ["Ngày 9/4, Hội nghị lần thứ 25 Hội đồng Điều phối ASEAN (ACC) được tổ chức trực tuyến.", "2020-04-10", { date: "2020-04-09", format: "online" }],
    ["Sau 4 ngày làm việc (từ ngày 12 - 15/11), Hội nghị Cấp cao ASEAN lần thứ 37, tổ chức tại Hà Nội, đã khép lại.", "2020-11-16", { date: "2020-11-12", endDate: "2020-11-15", place: "Hà Nội" }],
    ["Ngày 27/12, Thứ trưởng Đỗ Hùng Việt đã chủ trì cuộc họp liên ngành tổng kết hợp tác ASEAN.", "2024-06-18", { date: "2023-12-27" }],
    ["Hội nghị Cấp cao đặc biệt ASEAN về COVID-19 dự kiến diễn ra trong ngày 14/4/2020.", "2020-04-10", { date: "2020-04-14" }],
    ["Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 55 diễn ra từ 5 đến 7/9 tại Jakarta.", "2023-09-01", { date: "2023-09-05", endDate: "2023-09-07", place: "Jakarta" }],
    // the wording nearest after the name says online or in person; the place may follow "ở Thủ đô"
    ["Hội nghị Cấp cao ASEAN lần thứ 38 trực tiếp đầu tiên sau 18 tháng phải họp trực tuyến khai mạc chiều 24/4 tại trụ sở Ban Thư ký ASEAN ở Thủ đô Jakarta.", "2021-04-24",
      { date: "2021-04-24", format: "in-person", place: "Jakarta" }],
    // dates written with dots and dashes, and a span of two days joined by "và"
    ["Tiếp nối các hoạt động, sáng 24.6, Hội nghị Hội đồng Điều phối ASEAN lần thứ 26 đã diễn ra.", "2020-06-24", { date: "2020-06-24" }],
    ["Trong hai ngày 8 và 9-7, Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 59 diễn ra tại Manila.", "2026-07-10", { date: "2026-07-08", endDate: "2026-07-09", place: "Manila" }],
    ["Hội nghị Bộ trưởng Quốc phòng các nước ASEAN lần thứ 17 diễn ra tại Jakarta từ ngày 14 đến 17-11.", "2023-11-14", { date: "2023-11-14", endDate: "2023-11-17", place: "Jakarta" }],
    // a date opening the sentence is its first meeting's, not that of a meeting named after it
    ["Trong hai ngày 16-17/10, đã diễn ra Cuộc họp Quan chức Kinh tế Cao cấp ASEAN nhằm chuẩn bị cho Hội nghị Cấp cao ASEAN lần thứ 47.", "2025-10-18", { date: "2025-10-16", endDate: "2025-10-17" }],
    // "tại X" after a comma, far off, places something else
    ["Hội nghị Cấp cao ASEAN lần thứ 38 thảo luận tiến trình xây dựng Cộng đồng ASEAN, các nỗ lực phòng chống dịch và phục hồi kinh tế, trong đó có cuộc khủng hoảng tại Myanmar.", "2021-04-24", {}],
    // a verb of holding with a date before "tại" ties the place to the meeting however far (that date, too far, is not taken)
    ["Hội nghị Bộ trưởng kinh tế ASEAN (AEM) lần thứ 19 - sự kiện thường niên quan trọng của trụ cột kinh tế ASEAN, với sự tham dự của 10 Bộ trưởng, đã kết thúc ngày 8/3 tại Hà Nội.", "2013-03-09",
      { place: "Hà Nội" }],
  ])("%s", (text, published, expected) => {
    const facts = [...extract(text, published).meetingFacts.values()][0];
    expect(facts).toEqual(expected);
  });

  it("keeps the span of days over a single day read first ('bế mạc ngày 9-7', then 'trong hai ngày 8 và 9-7')", () => {
    const text = "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 59 đã bế mạc tại Manila ngày 9-7. Trong hai ngày 8 và 9-7, Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 59 diễn ra tại Manila.";
    const facts = [...extract(text, "2026-07-10").meetingFacts.values()][0];
    expect([facts?.date, facts?.endDate]).toEqual(["2026-07-08", "2026-07-09"]);
  });

  it("takes '3.5 triệu' for an amount, not a date", () => {
    expect([...extract("Ngày 3.5 triệu người xem Hội nghị Cấp cao ASEAN lần thứ 37.", "2020-11-16").meetingFacts.values()][0]?.date).toBeUndefined();
  });

  it("reads the year of an undated article from the years its text names", () => {
    const facts = [...extract("Ngày 17/6, ASEAN tổ chức Hội nghị tham vấn chung ASEAN (JCM). Chủ tịch năm 2021 là Brunei.", null).meetingFacts.values()][0];
    expect(facts?.date).toBe("2021-06-17");
  });
});
