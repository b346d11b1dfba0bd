// The predicate lexicon (src/extract/lexicon/predicates.json): every row, and the wordings real
// reports use for it, as one sentence each in our own words, with the facts it must give.
import { describe, expect, it } from "vitest";
import { loadPredicates } from "../../src/extract/relations/predicates.ts";
import { factLines } from "../helpers/extract.ts";

describe("the predicate lexicon", () => {
  it("names a frame for each row, and every row has wordings and a confidence in (0, 1]", () => {
    const { predicates } = loadPredicates();
    expect(new Set(predicates.map((p) => p.id)).size).toBe(predicates.length);
    for (const p of predicates) {
      expect(p.phrases.length).toBeGreaterThan(0);
      expect(p.confidence).toBeGreaterThan(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
    }
  });
});

/** [row, wording, text, facts]: the text is ours; the construction is the one real reports use. */
const CASES: Array<[string, string, string, string[]]> = [
  // CHAIRED
  ["chair.verb", "X điều hành M", "Bộ trưởng Ngoại giao Campuchia Prak Sokhonn điều hành Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 55.",
    ["CHAIRED Prak Sokhonn → Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 55"]],
  ["chair.verb", "X chủ trì lễ khai mạc M (an event part)", "Bộ trưởng Năng lượng Lào Sinava Souphanouvong chủ trì lễ khai mạc Hội nghị Bộ trưởng Năng lượng ASEAN lần thứ 39.",
    ["CHAIRED Sinava Souphanouvong → Hội nghị Bộ trưởng Năng lượng ASEAN lần thứ 39"]],
  ["chair.verb", "X, Chủ tịch …, đã chủ trì M (an apposition)", "Thủ tướng Nguyễn Văn An, Chủ tịch ASEAN năm 2030, đã chủ trì Hội nghị Cấp cao ASEAN lần thứ 56.",
    ["CHAIRED Nguyễn Văn An → Hội nghị Cấp cao ASEAN lần thứ 56"]],
  ["chair.verb", "'chủ trì cuộc họp báo' chairs a press conference, not the meeting", "Hội nghị Bộ trưởng Y tế ASEAN lần thứ 20 bế mạc. Chiều 23/6, Thứ trưởng Bộ Y tế Lê Văn An đã chủ trì cuộc họp báo thông báo kết quả Hội nghị.",
    []],
  ["chair.title", "'X, <title>, Chủ tịch M' in a sentence whose subject is another", "Chủ tịch Quốc hội Lê Thị Hạnh tham dự Đại hội đồng AIPA lần thứ 50 do ông Somsak Chai, Chủ tịch Hạ viện Thái Lan, Chủ tịch Đại hội đồng AIPA lần thứ 50 chủ trì.",
    ["ATTENDED Lê Thị Hạnh → Đại hội đồng AIPA lần thứ 50", "CHAIRED Somsak Chai → Đại hội đồng AIPA lần thứ 50"]],
  ["chair.co-verb", "X và Y đồng chủ trì M", "Thủ tướng Trần Văn Bình và Thủ tướng Nhật Bản Sato Kenji đồng chủ trì Hội nghị Cấp cao Mekong - Nhật Bản lần thứ 14.",
    ["CHAIRED Sato Kenji → Hội nghị Cấp cao Mekong - Nhật Bản lần thứ 14", "CHAIRED Trần Văn Bình → Hội nghị Cấp cao Mekong - Nhật Bản lần thứ 14"]],
  ["chair.do", "M, cũng do X chủ trì (a 'tự do' before it is no 'do')", "Bộ trưởng Lê Văn Cường dự Hội nghị Hội đồng Khu vực Thương mại tự do ASEAN lần thứ 41, cũng do Bộ trưởng Thái Lan Somchai Wong chủ trì.",
    ["ATTENDED Lê Văn Cường → Hội nghị Hội đồng Khu vực Thương mại tự do ASEAN lần thứ 41", "CHAIRED Somchai Wong → Hội nghị Hội đồng Khu vực Thương mại tự do ASEAN lần thứ 41"]],
  ["chair.of", "M dưới sự điều hành của X", "Hội nghị Quan chức cao cấp ASEAN lần thứ 12 diễn ra dưới sự điều hành của Thứ trưởng Ngoại giao Lào Khamphao Ernthavanh.",
    ["CHAIRED Khamphao Ernthavanh → Hội nghị Quan chức cao cấp ASEAN lần thứ 12"]],
  ["chair.of", "M … với sự chủ trì của <state>, an apposition after it", "Hội nghị Bộ trưởng Quốc phòng ASEAN lần thứ 21 diễn ra trực tuyến với sự chủ trì của Brunei – nước Chủ tịch ASEAN năm 2029, Campuchia cũng tham dự.",
    ["ATTENDED Campuchia → Hội nghị Bộ trưởng Quốc phòng ASEAN lần thứ 21", "CHAIRED Brunei → Hội nghị Bộ trưởng Quốc phòng ASEAN lần thứ 21"]],
  ["chair.title", "X … Chủ tịch M", "Năm 2031, Lào là Chủ tịch Hội nghị Bộ trưởng Du lịch ASEAN.",
    ["CHAIRED Lào → Hội nghị Bộ trưởng Du lịch ASEAN"]],
  ["chair.title", "'khách mời của Chủ tịch M': the guest is no chair", "Tổng Thư ký Liên Hợp Quốc phát biểu với tư cách khách mời của Chủ tịch Hội nghị Cấp cao ASEAN lần thứ 59.",
    []],
  ["chair.verb", "a body in the chair's description is no chair ('vai trò Chủ tịch … của hợp tác … ASEAN')", "Bộ Y tế với vai trò Chủ tịch luân phiên của hợp tác y tế ASEAN nhiệm kỳ 2031-2032 chủ trì Hội nghị Bộ trưởng Y tế ASEAN lần thứ 20.",
    []],
  // ATTENDED
  ["attend.verb", "'Được sự ủy quyền của X, Y … dẫn đầu đoàn Z tham dự M': Y attends, not X", "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 63 khai mạc. Được sự ủy quyền của Bộ trưởng Ngoại giao Lâm Văn Sơn, Thứ trưởng Bộ Ngoại giao Hà Thị Mai, Trưởng SOM ASEAN của Việt Nam, dẫn đầu đoàn Việt Nam tham dự Hội nghị.",
    ["ATTENDED Hà Thị Mai → Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 63", "ATTENDED Việt Nam → Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 63", "OFFICIAL_OF Hà Thị Mai → Việt Nam"]],
  ["attend.verb", "X và các nhà lãnh đạo … các nước thành viên AIPA đã dự M (a described body is no attendee)", "Chủ tịch Quốc hội Trương Văn Lâm và các nhà lãnh đạo Nghị viện các nước thành viên AIPA đã dự Hội nghị Ban Chấp hành AIPA lần thứ 12.",
    ["ATTENDED Trương Văn Lâm → Hội nghị Ban Chấp hành AIPA lần thứ 12"]],
  ["attend.verb", "X đã cùng lãnh đạo các nước … tham dự M (a 'cùng' phrase)", "Thủ tướng Phạm Văn Đông đã cùng các nhà lãnh đạo ASEAN tham dự Hội nghị Cấp cao ASEAN - Canada lần thứ 3.",
    ["ATTENDED ASEAN → Hội nghị Cấp cao ASEAN - Canada lần thứ 3", "ATTENDED Phạm Văn Đông → Hội nghị Cấp cao ASEAN - Canada lần thứ 3"]],
  ["attend.verb", "X, <titles>, Trưởng đoàn Y dự và phát biểu tại M (a long apposition)", "Thượng tướng Hoàng Minh Đức, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Quốc phòng, Trưởng đoàn Việt Nam dự và phát biểu tại Hội nghị Bộ trưởng Quốc phòng ASEAN lần thứ 22.",
    ["ATTENDED Hoàng Minh Đức → Hội nghị Bộ trưởng Quốc phòng ASEAN lần thứ 22", "ATTENDED Việt Nam → Hội nghị Bộ trưởng Quốc phòng ASEAN lần thứ 22"]],
  ["attend.verb", "X đã đến dự và phát biểu khai mạc M", "Sáng 3/8, Thủ tướng Lê Minh Tâm đã đến dự và phát biểu khai mạc Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 61.",
    ["ATTENDED Lê Minh Tâm → Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 61"]],
  ["attend.verb", "X dẫn đầu đoàn Y tham dự M1, a body, M2 và M3 (a list through other names)", "Bộ trưởng Ngoại giao Đinh Văn Hải dẫn đầu đoàn Việt Nam tham dự Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 60, Ủy ban Hiệp ước Khu vực Đông Nam Á không có vũ khí hạt nhân (SEANWFZ) và Hội nghị Hội đồng Điều phối ASEAN lần thứ 40.",
    ["ATTENDED Việt Nam → Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 60", "ATTENDED Việt Nam → Hội nghị Hội đồng Điều phối ASEAN lần thứ 40",
      "ATTENDED Đinh Văn Hải → Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 60", "ATTENDED Đinh Văn Hải → Hội nghị Hội đồng Điều phối ASEAN lần thứ 40", "OFFICIAL_OF Đinh Văn Hải → Việt Nam"]],
  ["attend.of", "M … với sự tham dự của X, Y", "Hội nghị Cấp cao Mekong - Lan Thương lần thứ 5 diễn ra với sự tham dự của Campuchia, Lào và Thái Lan.",
    ["ATTENDED Campuchia → Hội nghị Cấp cao Mekong - Lan Thương lần thứ 5", "ATTENDED Lào → Hội nghị Cấp cao Mekong - Lan Thương lần thứ 5", "ATTENDED Thái Lan → Hội nghị Cấp cao Mekong - Lan Thương lần thứ 5"]],
  ["attend.opening", "Phát biểu tại M, X … (sentence-initial)", "Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 60 khai mạc. Phát biểu tại Hội nghị, Bộ trưởng Công Thương Vũ Đức Long đề nghị tăng cường kết nối.",
    ["ATTENDED Vũ Đức Long → Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 60"]],
  ["attend.opening", "Trong diễn văn khai mạc tại M, X …", "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 58 khai mạc. Trong diễn văn khai mạc tại hội nghị, Thủ tướng Lào Sonexay Siphandone nhấn mạnh vai trò của ASEAN.",
    ["ATTENDED Lào → Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 58", "ATTENDED Sonexay Siphandone → Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 58"]],
  ["attend.opening", "Tham dự M gồm X, Y (a list after 'gồm')", "Hội nghị Bộ trưởng Ngoại giao Cấp cao Đông Á lần thứ 15 diễn ra. Tham dự hội nghị gồm ngoại trưởng các nước ASEAN và các đối tác gồm Nhật Bản, Ấn Độ.",
    ["ATTENDED ASEAN → Hội nghị Bộ trưởng Ngoại giao Cấp cao Đông Á lần thứ 15", "ATTENDED Nhật Bản → Hội nghị Bộ trưởng Ngoại giao Cấp cao Đông Á lần thứ 15", "ATTENDED Ấn Độ → Hội nghị Bộ trưởng Ngoại giao Cấp cao Đông Á lần thứ 15"]],
  ["attend.opening", "'Tham dự hội nghị gồm …' after a paragraph naming a meeting in a title ('Chủ tịch Hội nghị Cấp cao Đông Á')", "Bộ trưởng Ngoại giao Lê Thanh Bình, trong vai trò Chủ tịch Hội nghị Cấp cao Đông Á, chủ trì Hội nghị Bộ trưởng Ngoại giao Cấp cao Đông Á lần thứ 18. Tham dự hội nghị gồm ngoại trưởng các đối tác gồm Nga và Mỹ.",
    ["ATTENDED Hoa Kỳ → Hội nghị Bộ trưởng Ngoại giao Cấp cao Đông Á lần thứ 18", "ATTENDED Nga → Hội nghị Bộ trưởng Ngoại giao Cấp cao Đông Á lần thứ 18",
      "CHAIRED Lê Thanh Bình → Hội nghị Bộ trưởng Ngoại giao Cấp cao Đông Á lần thứ 18", "CHAIRED Lê Thanh Bình → Hội nghị Cấp cao Đông Á"]],
  ["attend.opening", "Tham dự Hội nghị đầu cầu <city> còn có X (the venue of an online meeting is no part of its name)", "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 60 diễn ra trực tuyến. Tham dự Hội nghị đầu cầu Hà Nội còn có Phó Thủ tướng Lê Văn Sơn.",
    ["ATTENDED Lê Văn Sơn → Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 60"]],
  ["attend.delegation", "Đoàn Y do X dẫn đầu tham dự M", "Đoàn đại biểu Việt Nam do Thứ trưởng Trần Quốc Khánh dẫn đầu tham dự Hội nghị Quan chức Kinh tế cao cấp ASEAN lần thứ 30.",
    ["ATTENDED Trần Quốc Khánh → Hội nghị Quan chức Kinh tế cao cấp ASEAN lần thứ 30", "ATTENDED Việt Nam → Hội nghị Quan chức Kinh tế cao cấp ASEAN lần thứ 30"]],
  ["attend.closing", "X - <title> đã dẫn đầu đoàn Y dự họp (the meeting left unsaid)", "Hội nghị Quan chức cao cấp ASEAN lần thứ 20 khai mạc tại Phnom Penh. Đại sứ Lý Văn Hòa - Quyền Trưởng SOM ASEAN đã dẫn đầu đoàn Việt Nam dự họp.",
    ["ATTENDED Lý Văn Hòa → Hội nghị Quan chức cao cấp ASEAN lần thứ 20", "ATTENDED Việt Nam → Hội nghị Quan chức cao cấp ASEAN lần thứ 20"]],
  ["attend.verb", "X và đoàn đại biểu cấp cao Y tham dự M", "Ngày 8/10, Thủ tướng Đặng Quốc Hưng và đoàn đại biểu cấp cao Việt Nam tham dự Hội nghị Cấp cao Đông Á lần thứ 25.",
    ["ATTENDED Việt Nam → Hội nghị Cấp cao Đông Á lần thứ 25", "ATTENDED Đặng Quốc Hưng → Hội nghị Cấp cao Đông Á lần thứ 25"]],
  ["attend.verb", "X dẫn đầu đoàn Y dự các hội nghị trên (the meetings of the sentence before)", "Hội nghị SOM ASEAN+3 lần thứ 20 và Hội nghị SOM Cấp cao Đông Á lần thứ 15 diễn ra tại Bangkok. Thứ trưởng Ngoại giao Vũ Minh Tâm dẫn đầu đoàn Việt Nam dự các hội nghị trên.",
    ["ATTENDED Việt Nam → Hội nghị SOM ASEAN+3 lần thứ 20", "ATTENDED Việt Nam → Hội nghị SOM Cấp cao Đông Á lần thứ 15",
      "ATTENDED Vũ Minh Tâm → Hội nghị SOM ASEAN+3 lần thứ 20", "ATTENDED Vũ Minh Tâm → Hội nghị SOM Cấp cao Đông Á lần thứ 15", "OFFICIAL_OF Vũ Minh Tâm → Việt Nam"]],
  ["attend.verb", "'dự các hội nghị trên' leaves out a meeting named as the others' frame ('trong khuôn khổ ARF')", "Thái Lan tổ chức Hội nghị Quan chức cấp cao ASEAN lần thứ 30 tại Bangkok, trong khuôn khổ Diễn đàn Khu vực ASEAN. Thứ trưởng Ngoại giao Cao Văn Khải dẫn đầu đoàn Việt Nam dự các hội nghị trên.",
    ["ATTENDED Cao Văn Khải → Hội nghị Quan chức cấp cao ASEAN lần thứ 30", "ATTENDED Việt Nam → Hội nghị Quan chức cấp cao ASEAN lần thứ 30", "OFFICIAL_OF Cao Văn Khải → Việt Nam"]],
  ["attend.members", "Đại biểu <state> có: X; Y", "Hội nghị Cấp cao ASEAN lần thứ 57 diễn ra trực tuyến. Đại biểu Việt Nam có: Chủ tịch Quốc hội Hoàng Văn Nam; Phó Thủ tướng Lý Thị Hạnh và đại diện các bộ, ngành.",
    ["ATTENDED Hoàng Văn Nam → Hội nghị Cấp cao ASEAN lần thứ 57", "ATTENDED Lý Thị Hạnh → Hội nghị Cấp cao ASEAN lần thứ 57", "ATTENDED Việt Nam → Hội nghị Cấp cao ASEAN lần thứ 57"]],
  ["attend.delegation", "Đoàn Y do <titles> X dẫn đầu. (titles before the leader not read as his)", "Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia lần thứ 23 khai mạc tại Jakarta. Đoàn Việt Nam do Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an Đại tướng Lương Văn Hùng dẫn đầu.",
    ["ATTENDED Lương Văn Hùng → Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia lần thứ 23", "ATTENDED Việt Nam → Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia lần thứ 23"]],
  ["attend.with", "các Bộ trưởng họp với các đối tác X, Y và Z trong khuôn khổ M", "Ngày 12/11, các Bộ trưởng Quốc phòng ASEAN họp với các đối tác Nhật Bản, Ấn Độ và Nga trong khuôn khổ Hội nghị Bộ trưởng Quốc phòng ASEAN mở rộng lần thứ 16.",
    ["ATTENDED ASEAN → Hội nghị Bộ trưởng Quốc phòng ASEAN mở rộng lần thứ 16", "ATTENDED Nga → Hội nghị Bộ trưởng Quốc phòng ASEAN mở rộng lần thứ 16", "ATTENDED Nhật Bản → Hội nghị Bộ trưởng Quốc phòng ASEAN mở rộng lần thứ 16", "ATTENDED Ấn Độ → Hội nghị Bộ trưởng Quốc phòng ASEAN mở rộng lần thứ 16"]],
  ["attend.opening", "Tại hội nghị, X <verb> …", "Hội nghị Cấp cao ASEAN - Hàn Quốc lần thứ 30 diễn ra tại Seoul. Tại hội nghị, Thủ tướng Lê Quang Vinh đề nghị hai bên mở rộng hợp tác.",
    ["ATTENDED Lê Quang Vinh → Hội nghị Cấp cao ASEAN - Hàn Quốc lần thứ 30"]],
  ["attend.verb", "the state an attending leader's title names attends too", "Thủ tướng Ấn Độ Rahul Mehta tham dự Hội nghị Cấp cao ASEAN - Ấn Độ lần thứ 30.",
    ["ATTENDED Rahul Mehta → Hội nghị Cấp cao ASEAN - Ấn Độ lần thứ 30", "ATTENDED Ấn Độ → Hội nghị Cấp cao ASEAN - Ấn Độ lần thứ 30"]],
  ["attend.verb", "X … tham dự Phiên toàn thể và Phiên họp hẹp M dưới sự chủ trì của Y (sessions stand for their meeting)", "Ngày 26/10, Thủ tướng Phạm Văn Đồng đã cùng Lãnh đạo các nước ASEAN tham dự Phiên toàn thể và Phiên họp hẹp Hội nghị Cấp cao ASEAN lần thứ 60 dưới sự chủ trì của Thủ tướng Malaysia Lim Kah Seng.",
    ["ATTENDED ASEAN → Hội nghị Cấp cao ASEAN lần thứ 60", "ATTENDED Phạm Văn Đồng → Hội nghị Cấp cao ASEAN lần thứ 60", "CHAIRED Lim Kah Seng → Hội nghị Cấp cao ASEAN lần thứ 60"]],
  ["attend.closing", "X đã có bài phát biểu chính, … (the meeting reported)", "Hội nghị Cấp cao ASEAN - Nhật Bản lần thứ 30 diễn ra tại Bangkok. Với tư cách nước điều phối, Thủ tướng Trần Đức Minh đã có bài phát biểu chính, đánh giá quan hệ hai bên.",
    ["ATTENDED Trần Đức Minh → Hội nghị Cấp cao ASEAN - Nhật Bản lần thứ 30"]],
  ["attend.delegation", "Đoàn Y do X làm Trưởng đoàn.", "Hội nghị Bộ trưởng Lao động ASEAN lần thứ 30 diễn ra trực tuyến. Đoàn Việt Nam do Bộ trưởng Bộ Lao động - Thương binh và Xã hội Lê Thị Hoa làm Trưởng đoàn.",
    ["ATTENDED Lê Thị Hoa → Hội nghị Bộ trưởng Lao động ASEAN lần thứ 30", "ATTENDED Việt Nam → Hội nghị Bộ trưởng Lao động ASEAN lần thứ 30"]],
  ["chair.of", "M1 và M2 … với sự chủ trì của X (each meeting of the list)", "Ngày 2/11, Hội nghị Bộ trưởng Lao động ASEAN lần thứ 30 và Hội nghị Bộ trưởng Lao động ASEAN+3 lần thứ 15 diễn ra trực tuyến với sự chủ trì của Lào.",
    ["CHAIRED Lào → Hội nghị Bộ trưởng Lao động ASEAN lần thứ 30", "CHAIRED Lào → Hội nghị Bộ trưởng Lao động ASEAN+3 lần thứ 15"]],
  ["attend.trip", "X và đoàn đại biểu Quốc hội Y đã đến Z, bắt đầu tham dự M (the trip's subject and the state of the body's delegation)", "Chiều 20/8, Chủ tịch Quốc hội Trần Minh Tú và đoàn đại biểu cấp cao Quốc hội Việt Nam đã đến sân bay Changi, Singapore, bắt đầu tham dự Đại hội đồng AIPA lần thứ 52.",
    ["ATTENDED Quốc hội Việt Nam → Đại hội đồng AIPA lần thứ 52", "ATTENDED Trần Minh Tú → Đại hội đồng AIPA lần thứ 52", "ATTENDED Việt Nam → Đại hội đồng AIPA lần thứ 52"]],
  ["attend.verb", "X, <titles>, cùng các Bộ trưởng A, B và C tham dự M (a 'cùng' list with commas)", "Ngày 10-3, Phó Thủ tướng, Bộ trưởng Ngoại giao Hà Văn Lâm cùng các Bộ trưởng Ngoại giao Lào, Mi-an-ma và Thái-lan tham dự Hội nghị Bộ trưởng Ngoại giao Hợp tác Mekong - Lan Thương lần thứ 12.",
    ["ATTENDED Hà Văn Lâm → Hội nghị Bộ trưởng Ngoại giao Hợp tác Mekong - Lan Thương lần thứ 12", "ATTENDED Lào → Hội nghị Bộ trưởng Ngoại giao Hợp tác Mekong - Lan Thương lần thứ 12",
      "ATTENDED Myanmar → Hội nghị Bộ trưởng Ngoại giao Hợp tác Mekong - Lan Thương lần thứ 12", "ATTENDED Thái Lan → Hội nghị Bộ trưởng Ngoại giao Hợp tác Mekong - Lan Thương lần thứ 12"]],
  ["attend.trip", "X và đoàn Y về nước, kết thúc chuyến tham dự M", "Tối 14/11, Thủ tướng Lưu Văn Thành và đoàn đại biểu cấp cao Việt Nam đã về đến Hà Nội, kết thúc chuyến tham dự Hội nghị Cấp cao ASEAN lần thứ 58.",
    ["ATTENDED Lưu Văn Thành → Hội nghị Cấp cao ASEAN lần thứ 58", "ATTENDED Việt Nam → Hội nghị Cấp cao ASEAN lần thứ 58"]],
  ["attend.delegation", "Đoàn Y do X dẫn đầu. (closing the sentence: the meeting reported)", "Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia lần thứ 22 khai mạc tại Vientiane. Đoàn Việt Nam do Bộ trưởng Bộ Công an Đỗ Văn Tùng dẫn đầu.",
    ["ATTENDED Việt Nam → Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia lần thứ 22", "ATTENDED Đỗ Văn Tùng → Hội nghị Bộ trưởng ASEAN về tội phạm xuyên quốc gia lần thứ 22"]],
  // ADOPTED
  ["adopt.verb", "M phê duyệt D", "Hội nghị Bộ trưởng Nông Lâm ASEAN lần thứ 45 đã phê duyệt Kế hoạch hành động về an ninh lương thực ASEAN giai đoạn 2030-2035.",
    ["ADOPTED Hội nghị Bộ trưởng Nông Lâm ASEAN lần thứ 45 → Kế hoạch hành động về an ninh lương thực ASEAN giai đoạn 2030-2035"]],
  ["adopt.verb", "M thông qua D1, D2 và D3 (heads: Chỉ số, Tài liệu tham chiếu, Biên bản ghi nhớ)", "Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 60 đã thông qua Chỉ số Kết nối số ASEAN, Tài liệu tham chiếu về Chuỗi cung ứng ASEAN và Biên bản ghi nhớ giữa ASEAN và UNDP về kinh tế xanh.",
    ["ADOPTED Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 60 → Biên bản ghi nhớ giữa ASEAN và UNDP về kinh tế xanh", "ADOPTED Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 60 → Chỉ số Kết nối số ASEAN", "ADOPTED Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 60 → Tài liệu tham chiếu về Chuỗi cung ứng ASEAN"]],
  ["adopt.verb", "X đã tham dự M, thông qua “D” (a second verb after the meeting)", "Lãnh đạo các nước Mekong đã tham dự Hội nghị Cấp cao Mekong - Ấn Độ lần thứ 3, thông qua “Tuyên bố Delhi về kết nối”.",
    ["ADOPTED Hội nghị Cấp cao Mekong - Ấn Độ lần thứ 3 → Tuyên bố Delhi về kết nối"]],
  ["adopt.verb", "M thông qua tuyên bố chung về … (a lower-case head, its topic after); tán thành D … đến năm N; a topic going on through 'trong'", "Hội nghị Cấp cao ASEAN+3 lần thứ 30 đã thông qua tuyên bố chung về phát triển hệ sinh thái xe điện. Các nhà lãnh đạo tán thành Kế hoạch hành động hợp tác ASEAN - Canada đến năm 2030 và Tuyên bố về thúc đẩy chuyển đổi số trong hành động ứng phó thiên tai.",
    ["ADOPTED Hội nghị Cấp cao ASEAN+3 lần thứ 30 → Kế hoạch hành động hợp tác ASEAN - Canada đến năm 2030", "ADOPTED Hội nghị Cấp cao ASEAN+3 lần thứ 30 → Tuyên bố về thúc đẩy chuyển đổi số trong hành động ứng phó thiên tai",
      "ADOPTED Hội nghị Cấp cao ASEAN+3 lần thứ 30 → tuyên bố chung về phát triển hệ sinh thái xe điện"]],
  ["adopt.verb", "… ra D (the report's meeting)", "Hội nghị Cấp cao ASEAN - Ấn Độ lần thứ 25 diễn ra trực tuyến. Các nhà lãnh đạo ra Tuyên bố chung ASEAN - Ấn Độ về kinh tế số.",
    ["ADOPTED Hội nghị Cấp cao ASEAN - Ấn Độ lần thứ 25 → Tuyên bố chung ASEAN - Ấn Độ về kinh tế số"]],
  ["adopt.verb", "'Các hội nghị … nhất trí ký … gồm: D' (the report's own meeting, not the last one listed)", "Hội nghị Bộ trưởng Nông Lâm ASEAN lần thứ 50 khai mạc cùng Hội nghị Bộ trưởng Nông Lâm ASEAN+3 lần thứ 28. Các hội nghị đã nhất trí ký hai văn kiện gồm: Nghị định thư sửa đổi Hiệp định về an ninh lương thực ASEAN.",
    ["ADOPTED Hội nghị Bộ trưởng Nông Lâm ASEAN lần thứ 50 → Nghị định thư sửa đổi Hiệp định về an ninh lương thực ASEAN"]],
  ["adopt.signing", "X đã cùng các nhà lãnh đạo tham gia lễ ký D (the leaders sign: the meeting adopts)", "Hội nghị Cấp cao ASEAN lần thứ 58 khai mạc tại Manila. Trong dịp này, Thủ tướng Phan Văn Khải đã cùng các nhà lãnh đạo ASEAN tham gia lễ ký Tuyên bố ASEAN về bảo vệ quyền của người khuyết tật.",
    ["ADOPTED Hội nghị Cấp cao ASEAN lần thứ 58 → Tuyên bố ASEAN về bảo vệ quyền của người khuyết tật"]],
  ["adopt.verb", "'lễ ký' is a ceremony, not the meeting's adoption", "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 62 khai mạc. Bên lề hội nghị, lễ ký văn kiện gia nhập Hiệp ước Thân thiện và Hợp tác ở Đông Nam Á của Mông Cổ đã diễn ra.",
    []],
  ["adopt.verb", "an adoption still to come is none ('để … có thể được ký kết')", "Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 62 khai mạc. Các Bộ trưởng giao các quan chức hoàn tất đàm phán để Hiệp định Thương mại hàng hóa ASEAN sửa đổi có thể được ký kết vào năm sau.",
    []],
  ["adopt.verb", "'ban hành' by a party body is no meeting's adoption", "Cuộc họp liên ngành về ASEAN diễn ra tại Hà Nội. Bộ Chính trị đã ban hành Nghị quyết số 12-NQ/TW về hội nhập quốc tế.",
    []],
  ["adopt.passive", "D được thông qua như: … (a list announced after the passive)", "Hội nghị Cấp cao ASEAN lần thứ 60 bế mạc. Tại đây, nhiều văn kiện được thông qua như: Tuyên bố Viêng Chăn về kết nối số; Kế hoạch tổng thể về kết nối ASEAN 2040.",
    ["ADOPTED Hội nghị Cấp cao ASEAN lần thứ 60 → Kế hoạch tổng thể về kết nối ASEAN 2040", "ADOPTED Hội nghị Cấp cao ASEAN lần thứ 60 → Tuyên bố Viêng Chăn về kết nối số"]],
  // PROPOSED_BY
  ["propose.verb", "X đề xuất D", "Hội nghị Cấp cao ASEAN lần thứ 61 khai mạc. Việt Nam đề xuất Sáng kiến Mạng lưới trung tâm dữ liệu ASEAN.",
    ["PROPOSED_BY Sáng kiến Mạng lưới trung tâm dữ liệu ASEAN → Việt Nam"]],
  ["propose.of", "Đề xuất của X …: the proposal of the sentence before", "Hội nghị Cấp cao ASEAN lần thứ 62 diễn ra. Thái Lan đề xuất Sáng kiến Quỹ ứng phó thiên tai ASEAN. Sáng kiến của Thái Lan được các nước hoan nghênh.",
    ["PROPOSED_BY Sáng kiến Quỹ ứng phó thiên tai ASEAN → Thái Lan"]],
  // ATTENDED, the frames of fresh reports
  ["attend.delegation", "Đoàn Y do X dẫn đầu tham dự. (the verb closes the sentence: the meeting reported)", "Hội nghị Bộ trưởng Năng lượng ASEAN lần thứ 50 diễn ra tại Vientiane. Đoàn Việt Nam do Bộ trưởng Công Thương Trần Văn Dũng dẫn đầu tham dự.",
    ["ATTENDED Trần Văn Dũng → Hội nghị Bộ trưởng Năng lượng ASEAN lần thứ 50", "ATTENDED Việt Nam → Hội nghị Bộ trưởng Năng lượng ASEAN lần thứ 50"]],
  ["attend.delegation", "Đoàn Y do X dẫn đầu tham dự M1 và M2 (each meeting of the list)", "Đoàn đại biểu Việt Nam do Thứ trưởng Lê Minh Châu dẫn đầu đã tham dự Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 20 và Hội nghị Bộ trưởng Môi trường ASEAN+3 lần thứ 15.",
    ["ATTENDED Lê Minh Châu → Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 20", "ATTENDED Lê Minh Châu → Hội nghị Bộ trưởng Môi trường ASEAN+3 lần thứ 15", "ATTENDED Việt Nam → Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 20", "ATTENDED Việt Nam → Hội nghị Bộ trưởng Môi trường ASEAN+3 lần thứ 15"]],
  ["attend.gather", "M quy tụ X, đại diện Y …, cùng các đối tác gồm: Z, W", "Hội nghị Bộ trưởng Y tế ASEAN lần thứ 30 quy tụ các bộ trưởng y tế ASEAN, đại diện Timor-Leste với tư cách quan sát viên, cùng các đối tác của ASEAN gồm: Ấn Độ, Australia.",
    ["ATTENDED ASEAN → Hội nghị Bộ trưởng Y tế ASEAN lần thứ 30", "ATTENDED Australia → Hội nghị Bộ trưởng Y tế ASEAN lần thứ 30", "ATTENDED Timor-Leste → Hội nghị Bộ trưởng Y tế ASEAN lần thứ 30", "ATTENDED Ấn Độ → Hội nghị Bộ trưởng Y tế ASEAN lần thứ 30"]],
  ["attend.with", "Trong khuôn khổ M, X tham vấn với các đối tác gồm Y, Z và W (the frame opens the sentence)", "Trong khuôn khổ Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 70, ngày 3/9, các bộ trưởng ASEAN đã tiến hành tham vấn với các đối tác gồm Ấn Độ, Australia và New Zealand, để bàn về chuỗi cung ứng.",
    ["ATTENDED ASEAN → Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 70", "ATTENDED Australia → Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 70", "ATTENDED New Zealand → Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 70", "ATTENDED Ấn Độ → Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 70"]],
  ["attend.opening", "Phát biểu sau các cuộc tham vấn, X … (the meeting last named, not one X speaks of)", "Các bộ trưởng ASEAN họp trong khuôn khổ Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 71. Phát biểu sau các cuộc tham vấn, Bộ trưởng Thương mại Thái Lan Somchai Wong cho biết ASEAN chuẩn bị cho Hội nghị Cấp cao ASEAN lần thứ 70.",
    ["ATTENDED Somchai Wong → Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 71", "ATTENDED Thái Lan → Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 71"]],
  ["attend.occasion", "Nhân dịp dự M và … tại Y, Z, X đã gặp W (the official after the opening phrase)", "Nhân dịp dự Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 70 và các hội nghị liên quan tại Manila, Philippines, Bộ trưởng Ngoại giao Trần Văn Nam đã có cuộc gặp Bộ trưởng Ngoại giao Lào.",
    ["ATTENDED Trần Văn Nam → Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 70"]],
  ["attend.verb", "X … Jr. đã dự M (the period of an abbreviation ends the name, not the sentence)", "Tổng thống Hoa Kỳ John Carter Jr. đã dự Hội nghị Cấp cao Đông Á lần thứ 30.",
    ["ATTENDED Hoa Kỳ → Hội nghị Cấp cao Đông Á lần thứ 30", "ATTENDED John Carter Jr → Hội nghị Cấp cao Đông Á lần thứ 30"]],
  ["chair.do", "chuỗi M lần thứ N - N+1 và K Hội nghị …, do Nước Chủ tịch X chủ trì; Y dẫn đầu đoàn Z tham dự các hội nghị và … (the meetings of the sentence before)", "Các kết quả đạt được trong khuôn khổ chuỗi Hội nghị Cấp cao ASEAN lần thứ 60 - 61 và 9 Hội nghị cấp cao với các đối tác, do Nước Chủ tịch Lào chủ trì. Thủ tướng Trần Văn An dẫn đầu đoàn Việt Nam tham dự các hội nghị và có nhiều bài phát biểu.",
    ["ATTENDED Trần Văn An → Hội nghị Cấp cao ASEAN lần thứ 60", "ATTENDED Trần Văn An → Hội nghị Cấp cao ASEAN lần thứ 61", "ATTENDED Việt Nam → Hội nghị Cấp cao ASEAN lần thứ 60", "ATTENDED Việt Nam → Hội nghị Cấp cao ASEAN lần thứ 61", "CHAIRED Lào → Hội nghị Cấp cao ASEAN lần thứ 60", "CHAIRED Lào → Hội nghị Cấp cao ASEAN lần thứ 61", "OFFICIAL_OF Trần Văn An → Việt Nam"]],
  ["attend.closing", "X đã đến dự và phát biểu. (the meeting reported)", "Hội nghị Bộ trưởng Y tế ASEAN lần thứ 25 khai mạc sáng nay tại Hà Nội. Phó Thủ tướng Lê Văn Thành đã đến dự và phát biểu.",
    ["ATTENDED Lê Văn Thành → Hội nghị Bộ trưởng Y tế ASEAN lần thứ 25"]],
  ["chair.title", "X, <title>, Chủ tịch <acronym> N (the report's meeting of that acronym and number)", "Đại hội đồng lần thứ 50 Hội đồng Liên nghị viện ASEAN (AIPA 50) bế mạc. Ngài Somchai Wong, Chủ tịch Hạ viện Thái Lan, Chủ tịch AIPA 50 phát biểu bế mạc.",
    ["CHAIRED Somchai Wong → Đại hội đồng lần thứ 50 Hội đồng Liên nghị viện ASEAN"]],
  ["attend.opening", "** Tại M, Lãnh đạo các nước ASEAN và X <verb> … (a mark before it; the one named after a group of leaders)", "** Tại Hội nghị Cấp cao ASEAN - Nhật Bản lần thứ 30, Lãnh đạo các nước ASEAN và Thủ tướng Nhật Bản Sato Kenji đánh giá cao quan hệ hai bên.",
    ["ATTENDED Nhật Bản → Hội nghị Cấp cao ASEAN - Nhật Bản lần thứ 30", "ATTENDED Sato Kenji → Hội nghị Cấp cao ASEAN - Nhật Bản lần thứ 30"]],
  ["attend.closing", "Giám đốc <body> (<acronym>) cũng tham dự. (the body after its acronym's parenthesis)", "Hội nghị Bộ trưởng ASEAN về quản lý thiên tai lần thứ 20 khai mạc. Giám đốc Điều hành Trung tâm Điều phối Hỗ trợ Nhân đạo ASEAN (AHA Centre) cũng tham dự.",
    ["ATTENDED AHA Centre → Hội nghị Bộ trưởng ASEAN về quản lý thiên tai lần thứ 20"]],
  ["attend.verb", "X và đoàn Y sẽ tham dự M1 và các M2 (…) lần thứ N (a plural item of the list)", "Thủ tướng Trần Văn An và đoàn đại biểu Việt Nam sẽ tham dự Hội nghị Cấp cao ASEAN lần thứ 60 và các Hội nghị Cấp cao ASEAN+3 (với Trung Quốc, Nhật Bản, Hàn Quốc) lần thứ 40.",
    ["ATTENDED Trần Văn An → Hội nghị Cấp cao ASEAN lần thứ 60", "ATTENDED Trần Văn An → Hội nghị Cấp cao ASEAN+3 lần thứ 40", "ATTENDED Việt Nam → Hội nghị Cấp cao ASEAN lần thứ 60", "ATTENDED Việt Nam → Hội nghị Cấp cao ASEAN+3 lần thứ 40"]],
  ["adopt.verb", "Các Bộ trưởng hoan nghênh D1; thông qua D2 (a second predicate after a semicolon; a meeting named as an owner is not the paragraph's)", "Hội nghị Bộ trưởng Năng lượng ASEAN lần thứ 45 diễn ra tại Bangkok. Hội nghị hoan nghênh quyết định của Hội nghị Cấp cao ASEAN lần thứ 50 về an ninh năng lượng. Các Bộ trưởng hoan nghênh tiến độ của Hiệp định ASEAN về lưới điện; thông qua Khung thực hiện Thị trường điện thống nhất ASEAN.",
    ["ADOPTED Hội nghị Bộ trưởng Năng lượng ASEAN lần thứ 45 → Khung thực hiện Thị trường điện thống nhất ASEAN"]],
  ["attend.of", "M … với sự góp mặt của A; lãnh đạo B; đại diện C (the list goes on after semicolons)", "Hội nghị Tổng Chưởng lý ASEAN lần thứ 20 khai mạc tại Hà Nội với sự góp mặt của các đại diện bộ, ngành; lãnh đạo Bộ Tư pháp; đại diện Interpol.",
    ["ATTENDED Bộ Tư pháp → Hội nghị Tổng Chưởng lý ASEAN lần thứ 20", "ATTENDED Interpol → Hội nghị Tổng Chưởng lý ASEAN lần thứ 20"]],
  ["attend.verb", "X đã dự và phát biểu chào mừng M", "Tổng thống Indonesia Budi Santoso đã dự và phát biểu chào mừng Hội nghị Bộ trưởng Tư pháp các nước ASEAN lần thứ 20.",
    ["ATTENDED Budi Santoso → Hội nghị Bộ trưởng Tư pháp các nước ASEAN lần thứ 20", "ATTENDED Indonesia → Hội nghị Bộ trưởng Tư pháp các nước ASEAN lần thứ 20"]],
];

describe("each row reads its wordings", () => {
  it.each(CASES)("%s: %s", (_row, _wording, text, facts) => {
    expect(factLines(text)).toEqual(facts);
  });

  it("covers every row of the lexicon", () => {
    const covered = new Set(CASES.map(([row]) => row));
    const rows = loadPredicates().predicates.map((p) => p.id);
    expect(rows.filter((r) => !covered.has(r) && !["propose.do", "adopt.passive", "attend.closing"].includes(r))).toEqual([]);
  });
});
