// Meeting names: where they start and end, their ordinals and acronyms, and the key that makes
// different writings of one meeting one node. Names here are invented, the constructions real.
import { describe, expect, it } from "vitest";
import type { MeetingMention } from "../../src/extract/types.ts";
import { entityKey } from "../../src/resolve/keys.ts";
import { extract } from "../helpers/extract.ts";

const meetings = (text: string) =>
  extract(text).mentions.filter((m): m is MeetingMention => m.kind === "Meeting" && !m.nested && !m.backReference);

// ordinals written in words are written in digits in the name (the written form stays an alias)
describe("meeting names", () => {
  it.each([
    // a session of a named body, its head "Đại hội đồng" only with a number
    ["Ông dự Đại hội đồng AIPA lần thứ năm tại Manila.", [["Đại hội đồng AIPA lần thứ 5", 5]]],
    ["Ông dự Đại Hội đồng AIPA-47 tại Hà Nội.", [["Đại Hội đồng AIPA-47", 47]]],
    ["Đại hội đồng Liên Hợp Quốc đã họp.", []],
    // "thứ N" right after the head; a sitting of a meeting named next is part of it
    ["Ông chủ trì Phiên họp thứ 4 của Ủy ban Quốc gia ASEAN 2030.", [["Phiên họp thứ 4 của Ủy ban Quốc gia ASEAN 2030", 4]]],
    ["Ủy ban họp Phiên thứ bảy tại Hà Nội.", [["Phiên thứ 7", 7]]],
    ["Ông phát biểu tại phiên thứ hai của Hội nghị Cấp cao ASEAN - Úc.", [["Hội nghị Cấp cao ASEAN - Úc", undefined]]],
    ["Ông phát biểu tại phiên họp thứ ba của Hội nghị Cấp cao ASEAN - Úc.", [["Hội nghị Cấp cao ASEAN - Úc", undefined]]],
    // a gloss in parentheses before the ordinal; a pair of words written with a comma
    ["Ông dự Hội nghị Cấp cao ASEAN – Trung Quốc – Nhật Bản – Hàn Quốc (10+3) lần thứ 30 tại Jakarta.", [["Hội nghị Cấp cao ASEAN – Trung Quốc – Nhật Bản – Hàn Quốc lần thứ 30", 30]]],
    ["Ông dự Hội nghị Bộ trưởng nông, lâm nghiệp ASEAN+3 (Trung Quốc, Nhật Bản, Hàn Quốc) lần thứ 22 tại Bali.", [["Hội nghị Bộ trưởng nông, lâm nghiệp ASEAN+3 lần thứ 22", 22]]],
    // the participants in the plural; a head after lower-case words of the name is no new meeting
    ["Ông dự Cuộc họp các Quan chức Cao cấp ASEAN - Ấn Độ về thực hiện Hiệp định.", [["Cuộc họp các Quan chức Cao cấp ASEAN - Ấn Độ về thực hiện Hiệp định", undefined]]],
    ["Hai bên chuẩn bị Hội nghị Cấp cao Kỷ niệm 30 năm Quan hệ Đối thoại ASEAN - Canada.", [["Hội nghị Cấp cao Kỷ niệm 30 năm Quan hệ Đối thoại ASEAN - Canada", undefined]]],
    ["Các nước Đối tác đối thoại của ASEAN đều có mặt.", []],
    // "và" before an acronym that is no known body starts another meeting; "giữa X với Y" is one
    // (the second "SOM" is its acronym used again)
    ["Brunei tổ chức Hội nghị Quan chức cấp cao (SOM) của ASEAN và SOM giữa ASEAN với các đối tác.", [["Hội nghị Quan chức cấp cao của ASEAN", undefined], ["Hội nghị Quan chức cấp cao của ASEAN", undefined]]],
    ["Ông dự Phiên họp giữa lãnh đạo ASEAN với ABAC tại Bangkok.", [["Phiên họp giữa lãnh đạo ASEAN với ABAC", undefined]]],
    // a title before a person's name closes the name, with the lower-case words before it
    ["Hội nghị Cấp cao Hiệp định Thương mại tự do khu vực Thủ tướng Lê Văn An phát biểu.", [["Hội nghị Cấp cao Hiệp định Thương mại tự do khu vực", undefined]]],
    // two ordinals, in digits or words
    ["Ông dự Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 50, 51 tại Manila.", [["Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 50", 50], ["Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 51", 51]]],
    ["Ông dự Hội nghị CLV8 và Hội nghị AMEM-40.", [["Hội nghị CLV8", 8], ["Hội nghị AMEM-40", 40]]],
    // "giao thông" is one word, not the verb "thông (qua)"
    ["Ông dự Hội nghị Bộ trưởng Giao thông vận tải ASEAN lần thứ 20 tại Viêng Chăn.", [["Hội nghị Bộ trưởng Giao thông vận tải ASEAN lần thứ 20", 20]]],
    // two topics in lower case joined by "&" or "và", a name after them; "và" before a word of the sentence ends the name
    ["Ông dự Hội nghị thượng đỉnh thương mại & đầu tư ASEAN - Ấn Độ lần thứ 12 tại Delhi.", [["Hội nghị thượng đỉnh thương mại & đầu tư ASEAN - Ấn Độ lần thứ 12", 12]]],
    ["Ông dự Hội nghị Bộ trưởng nông nghiệp và lâm nghiệp ASEAN lần thứ 45.", [["Hội nghị Bộ trưởng nông nghiệp và lâm nghiệp ASEAN lần thứ 45", 45]]],
    ["Hội nghị Bộ trưởng Y tế ASEAN lần thứ 15 và tại Hà Nội, Thủ tướng phát biểu.", [["Hội nghị Bộ trưởng Y tế ASEAN lần thứ 15", 15]]],
    // a numbered session of a series named after "của" is that meeting of the series
    ["Ông dự Kỳ họp Bộ trưởng ASEAN lần thứ 9 về Môi trường, kỳ họp lần thứ 6 của Hội nghị các Bên tham gia Hiệp định AATHP, cùng các cuộc họp liên quan.",
      [["Kỳ họp Bộ trưởng ASEAN lần thứ 9 về Môi trường", 9], ["kỳ họp lần thứ 6 của Hội nghị các Bên tham gia Hiệp định AATHP", 6]]],
    // a topic names a meeting after words of a name only, not after the sentence's verbs
    ["Hội nghị dành nhiều thời gian trao đổi về tình hình biển.", []],
    ["Các bên coi đây là diễn đàn đối thoại về các vấn đề chiến lược.", []],
    ["Ông cho biết hội nghị khẳng định mạnh mẽ vai trò của AIPA.", []],
    ["Hội nghị ra Tuyên bố chung về hợp tác biển.", []],
    ["Ông dự Hội thảo quốc tế về an ninh biển tại Hà Nội.", [["Hội thảo quốc tế về an ninh biển", undefined]]],
    // the year after an acronym, or inside its parentheses, is the meeting's
    ["Ông dự Diễn đàn Du lịch ASEAN (ATF) 2031 tại Huế.", [["Diễn đàn Du lịch ASEAN 2031", undefined]]],
    ["Diễn đàn Du lịch ASEAN (ATF 2032) đã khai mạc tại Huế.", [["Diễn đàn Du lịch ASEAN 2032", undefined]]],
    // a known body's acronym inside the name, the rest of the body's name and the ordinal after it
    ["Ông dự Hội nghị Bộ trưởng Ủy hội sông Mekong (MRC) quốc tế lần thứ 9 tại Viêng Chăn.", [["Hội nghị Bộ trưởng Ủy hội sông Mekong quốc tế lần thứ 9", 9]]],
    // "lần 43": the ordinal without "thứ", written with it in the name
    ["Sáng kiến được nêu tại Hội nghị Cấp cao ASEAN lần 61 vào tháng 9.", [["Hội nghị Cấp cao ASEAN lần thứ 61", 61]]],
    ["Diễn ra 4 năm một lần, hội nghị có sự tham dự của 4 nước.", []],
    // a meeting that prepares another is named with it (the other, inside, is nested)
    ["Sáng 2/5, Hội nghị quan chức cấp cao du lịch trù bị cho Hội nghị Bộ trưởng Du lịch ASEAN (M-ATM) lần thứ 30 đã họp.",
      [["Hội nghị quan chức cấp cao du lịch trù bị cho Hội nghị Bộ trưởng Du lịch ASEAN lần thứ 30", 30]]],
    // "công tác chuẩn bị cho": the work of preparing, the object of the sentence's verb, names no meeting
    ["Cuộc họp cũng rà soát công tác chuẩn bị cho Hội nghị Bộ trưởng Du lịch ASEAN lần thứ 30.", [["Hội nghị Bộ trưởng Du lịch ASEAN lần thứ 30", 30]]],
    ["Hội nghị sẽ chuẩn bị cho Hội nghị Cấp cao ASEAN lần thứ 60.", [["Hội nghị Cấp cao ASEAN lần thứ 60", 60]]],
    // the participants in the plural after the head or its distinguishing word, a title in lower case too
    ["Sáng 3/2 đã diễn ra Hội nghị hẹp các bộ trưởng kinh tế ASEAN tại Đà Nẵng.", [["Hội nghị hẹp các bộ trưởng kinh tế ASEAN", undefined]]],
    ["Tại Vientiane đã diễn ra cuộc họp trù bị các Quan chức Cao cấp ASEAN để rà soát công việc.", [["cuộc họp trù bị các Quan chức Cao cấp ASEAN", undefined]]],
    // two meetings held together, their numbers written as one token; a topic with a pair of words written with a comma
    ["Hội nghị Cấp cao ASEAN lần thứ 58-59 khai mạc tại Manila.", [["Hội nghị Cấp cao ASEAN lần thứ 58", 58], ["Hội nghị Cấp cao ASEAN lần thứ 59", 59]]],
    ["Hội nghị Bộ trưởng ASEAN về phòng, chống ma túy lần thứ 9 bế mạc.", [["Hội nghị Bộ trưởng ASEAN về phòng, chống ma túy lần thứ 9", undefined]]],
    // the author of a document ends at its number: the topic after it is the document's
    ["Sẽ có Tuyên bố của Hội nghị cấp cao Đông Á lần thứ 16 về kết nối ASEAN.", [["Hội nghị cấp cao Đông Á lần thứ 16", 16]]],
    // participants named by two titles joined by "và", but not a title with a person after it
    ["Hội nghị Bộ trưởng Tài chính và Thống đốc Ngân hàng Trung ương ASEAN lần thứ 20 bế mạc.", [["Hội nghị Bộ trưởng Tài chính và Thống đốc Ngân hàng Trung ương ASEAN lần thứ 20", 20]]],
    ["Tại Hội nghị Bộ trưởng Kinh tế ASEAN và Bộ trưởng Thương mại Nhật Bản Sato Kenji phát biểu.", [["Hội nghị Bộ trưởng Kinh tế ASEAN", undefined]]],
    // a common noun with a capital after "các nước" is no party to a name ("Quan sát viên": the observers)
    ["Các ủy ban gồm Đối thoại các nước Quan sát viên, Ủy ban Kinh tế.", []],
    ["Ông dự Đối thoại các nước Tiểu vùng Mekong tại Huế.", [["Đối thoại các nước Tiểu vùng Mekong", undefined]]],
    // a page that lost the space before an acronym: the acronym is the name's, written apart
    ["Các nước trình lên Hội nghị quan chức Quốc phòng cấp caoASEAN dự thảo mới.", [["Hội nghị quan chức Quốc phòng cấp cao ASEAN", undefined]]],
    // "ASEAN 3 lần thứ 28": the plus of a known body lost by the page; a number before the ordinal is no ordinal
    ["Các nước dự Hội nghị Cấp cao ASEAN 3 lần thứ 40 tại Bangkok.", [["Hội nghị Cấp cao ASEAN+3 lần thứ 40", 40]]],
  ])("%s", (text, expected) => {
    expect(meetings(text).map((m) => [m.name, m.ordinal])).toEqual(expected);
  });

  it("names one meeting of a series by its acronym and number, and keeps the acronym for its later uses", () => {
    const [m] = meetings("Sáng 3/8, Hội nghị Bộ trưởng Ngoại giao ASEAN (AMM) lần thứ 60 khai mạc.");
    expect(m!.aliases).toEqual(["AMM 60", "AMM-60", "Hội nghị Bộ trưởng Ngoại giao ASEAN (AMM) lần thứ 60"]);
    expect(m!.acronym).toBe("AMM");
  });

  it("numbers a meeting by a known body's acronym given before its ordinal, and leaves the acronym alone to the body", () => {
    const ex = extract("Hội nghị Tư lệnh Hải quan các nước ASEAN (ASEANAPOL) lần thứ 50 khai mạc. Ông mong ASEANAPOL 50 thành công và ASEANAPOL lớn mạnh.");
    const top = ex.mentions.filter((m) => !m.nested).map((m) => [m.kind, m.name]);
    expect(top).toEqual([
      ["Meeting", "Hội nghị Tư lệnh Hải quan các nước ASEAN lần thứ 50"],
      ["Meeting", "Hội nghị Tư lệnh Hải quan các nước ASEAN lần thứ 50"],
      ["Organization", "ASEANAPOL"],
    ]);
  });

  it("reads a relationship of two bodies written out with their usual names", () => {
    const [m] = meetings("Ông dự Hội nghị Cấp cao kỷ niệm 40 năm quan hệ Hiệp hội các quốc gia Đông Nam Á (ASEAN) và Liên minh châu Âu (EU) tại Bruxelles.");
    expect(m!.name).toBe("Hội nghị Cấp cao kỷ niệm 40 năm quan hệ ASEAN và EU");
  });
});

describe("meeting keys", () => {
  it.each([
    ["Hội nghị Bộ trưởng Y tế các nước ASEAN lần thứ 16", "Hội nghị Bộ trưởng Y tế ASEAN lần thứ 16"],
    ["Hội nghị Cấp cao Hợp tác Mekong - Sông Hằng lần thứ ba", "Hội nghị Cấp cao Hợp tác Mekong - Sông Hằng lần thứ 3"],
    ["Hội nghị Nữ nghị sỹ AIPA", "Hội nghị Nữ nghị sĩ AIPA"],
    ["Hội nghị thượng đỉnh ASEAN lần thứ 40", "Hội nghị Cấp cao ASEAN lần thứ 40"],
    ["Cấp cao Đông Á", "Hội nghị Cấp cao Đông Á"],
    ["Hội nghị Cấp cao Kỷ niệm 40 năm quan hệ ASEAN-Úc", "Hội nghị Cấp cao kỷ niệm 40 năm quan hệ ASEAN – Úc"],
    ["Hội nghị Cấp cao kỷ niệm 40 năm quan hệ ASEAN và EU", "Hội nghị Cấp cao kỷ niệm 40 năm quan hệ ASEAN - EU"],
    ["Hội nghị Quan chức cao cấp ASEAN", "Hội nghị Quan chức cấp cao ASEAN"],
    ["Phiên họp thứ sáu của Ủy ban X", "Phiên họp thứ 6 của Ủy ban X"],
    ["Hội nghị Bộ trưởng ASEAN về Giao thông vận tải lần thứ 30", "Hội nghị Bộ trưởng Giao thông vận tải ASEAN lần thứ 30"],
  ])("%s = %s", (a, b) => {
    expect(entityKey("Meeting", a)).toBe(entityKey("Meeting", b));
  });

  it.each([
    ["Hội nghị Cấp cao ASEAN lần thứ 40", "Hội nghị Cấp cao ASEAN lần thứ 41"],
    ["Hội nghị Cấp cao ASEAN - Nga lần thứ hai", "Hội nghị Cấp cao ASEAN - Nga lần thứ 3"],
    ["Hội nghị Bộ trưởng ASEAN về Giao thông vận tải lần thứ 30", "Hội nghị Bộ trưởng Du lịch ASEAN lần thứ 30"],
  ])("%s ≠ %s", (a, b) => {
    expect(entityKey("Meeting", a)).not.toBe(entityKey("Meeting", b));
  });
});
