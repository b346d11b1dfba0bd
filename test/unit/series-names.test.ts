// A series named bare in a report of one numbered meeting of it means that meeting.
import { describe, expect, it } from "vitest";
import { extract } from "../helpers/extract.ts";

const meetingNames = (text: string) => [...new Set(extract(text).mentions.filter((m) => m.kind === "Meeting" && !m.nested).map((m) => m.name))];

describe("bare series names", () => {
  it.each([
    ["the series written out, after the numbered one", "Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 61 khai mạc tại Viêng Chăn. Phát biểu tại Hội nghị Bộ trưởng Kinh tế ASEAN, Bộ trưởng Lê Minh An nêu ba ưu tiên.",
      ["Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 61"]],
    ["the series' acronym after the head", "Hội nghị Bộ trưởng Ngoại giao ASEAN (AMM) lần thứ 60 khai mạc. Tại Hội nghị AMM, các nước thông qua kế hoạch.",
      ["Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 60"]],
    ["an ordinal in words is written in digits", "Hội nghị Cấp cao Mekong - Ấn Độ lần thứ hai diễn ra trực tuyến.",
      ["Hội nghị Cấp cao Mekong - Ấn Độ lần thứ 2"]],
    ["the series' acronym after a meeting named by its year", "Diễn đàn Du lịch ASEAN (ATF 2031) khai mạc tại Huế. Trong khuôn khổ ATF có nhiều hoạt động.",
      ["Diễn đàn Du lịch ASEAN 2031"]],
    ["the series in a headline without the descriptor words the numbered name carries", "Hội nghị Bộ trưởng Ủy hội sông Hồng là dịp lớn. Ông dự Hội nghị Bộ trưởng Ủy hội sông Hồng mở rộng lần thứ 3 tại Hà Nội.",
      ["Hội nghị Bộ trưởng Ủy hội sông Hồng mở rộng lần thứ 3"]],
    ["the series abbreviated (HNCC) after the numbered one was written two ways", "Thủ tướng dự Hội nghị cấp cao ASEAN lần thứ 61. Hội nghị Cấp cao (HNCC) ASEAN lần thứ 61 diễn ra ở Bali. Thủ tướng Đông Timor được mời dự HNCC ASEAN lần đầu tiên.",
      ["Hội nghị cấp cao ASEAN lần thứ 61", "Hội nghị Cấp cao ASEAN lần thứ 61"]],
    ["a forum whose own name is the series means its numbered meeting", "Diễn đàn Khu vực ASEAN (ARF) lần thứ 40 họp tại Manila. ARF có sự tham dự của các đối tác như Nga và Mỹ.",
      ["Diễn đàn Khu vực ASEAN lần thứ 40"]],
  ])("%s", (_, text, names) => {
    expect(meetingNames(text)).toEqual(names);
  });

  it("reads an acronym and a number with no head as the article's meeting of that number, and only then", () => {
    expect(meetingNames("Hội nghị Bộ trưởng Y tế ASEAN (AHMM) lần thứ 50 khai mạc. Đoàn tham dự AHMM-50 và AHMM 51.")).toEqual(["Hội nghị Bộ trưởng Y tế ASEAN lần thứ 50"]);
    expect(extract("Đại hội đồng AIPA lần thứ 50 khai mạc. Đoàn tham dự AIPA-50.").mentions.filter((m) => m.kind === "Meeting").length).toBe(2);
    expect(extract("Đoàn tham dự AHMM-50.").mentions.filter((m) => m.kind === "Meeting")).toEqual([]);
  });

  it("reads a well-known series' acronym and number with no meeting of that number named as that series' meeting", () => {
    expect(meetingNames("Bộ trưởng Ngoại giao Lê Văn Tâm dự AMM 60 tại Manila.")).toEqual(["Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 60"]);
    expect(meetingNames("Chủ tịch Quốc hội dẫn đầu đoàn dự AIPA-50 tại Jakarta.")).toEqual(["Đại hội đồng AIPA lần thứ 50"]);
    expect(meetingNames("Đoàn dự XYZ-50 tại Manila.")).toEqual([]);
  });

  it("keeps AIPA a body in a report of one of its numbered sessions", () => {
    const text = "Đại hội đồng AIPA-50 khai mạc. Việt Nam là thành viên chính thức của AIPA từ năm 1995.";
    expect(extract(text).mentions.filter((m) => m.kind === "Organization" && !m.nested).map((m) => m.name)).toContain("AIPA");
  });

  it("leaves a body that holds meetings under another name to the body", () => {
    const text = "Hội nghị Tư lệnh Cảnh sát các nước ASEAN (ASEANAPOL) lần thứ 50 khai mạc. ASEANAPOL được thành lập năm 1981.";
    expect(meetingNames(text)).toEqual(["Hội nghị Tư lệnh Cảnh sát các nước ASEAN lần thứ 50"]);
    expect(extract(text).mentions.filter((m) => m.kind === "Organization" && !m.nested).map((m) => m.name)).toContain("ASEANAPOL");
  });

  it("stays as written when two numbered meetings extend it by descriptor words", () => {
    const text = "Hội nghị Bộ trưởng Ủy hội sông Hồng là dịp lớn. Ông dự Hội nghị Bộ trưởng Ủy hội sông Hồng mở rộng lần thứ 3 và Hội nghị Bộ trưởng Ủy hội sông Hồng hẹp lần thứ 4.";
    expect(meetingNames(text)).toContain("Hội nghị Bộ trưởng Ủy hội sông Hồng");
  });

  it("stays as written when the article names two numbered meetings of the series", () => {
    const text = "Hội nghị Cấp cao ASEAN lần thứ 60 và Hội nghị Cấp cao ASEAN lần thứ 61 được tổ chức liên tiếp. Hội nghị Cấp cao ASEAN là cơ chế cao nhất.";
    expect(meetingNames(text)).toContain("Hội nghị Cấp cao ASEAN");
  });
});

describe("a head with the acronym and number a meeting of the article was given", () => {
  it.each([
    ["'(ACR) lần thứ N', then 'Hội nghị ACR N'", "Hội nghị Bộ trưởng Du lịch ASEAN (ATM) lần thứ 30 khai mạc. Tại Hội nghị ATM 30, các nước nhất trí.",
      ["Hội nghị Bộ trưởng Du lịch ASEAN lần thứ 30"]],
    ["'Hội nghị ACR lần thứ N' before '(ACR) lần thứ N'", "Hội nghị ATM lần thứ 30 là dịp lớn. Ông dự Hội nghị Bộ trưởng Du lịch ASEAN (ATM) lần thứ 30.",
      ["Hội nghị Bộ trưởng Du lịch ASEAN lần thứ 30"]],
    ["an acronym with its number in parentheses, the head in lower case", "Ông dự Hội nghị Cấp cao Tam giác phát triển lần thứ 12 (TGP 12). Tại hội nghị TGP 12, ông phát biểu.",
      ["Hội nghị Cấp cao Tam giác phát triển lần thứ 12"]],
    ["the bare series of a meeting so renamed means it too", "Ông dự Hội nghị Cấp cao Tam giác phát triển lần thứ 12 (TGP 12). Hội nghị thượng đỉnh TGP lần thứ 12 kết thúc. Bế mạc Hội nghị thượng đỉnh TGP, ông về nước.",
      ["Hội nghị Cấp cao Tam giác phát triển lần thứ 12"]],
    ["two meetings preparing the same one are one", "Hội nghị quan chức du lịch trù bị cho Hội nghị Bộ trưởng Du lịch ASEAN lần thứ 30 đã họp. Ông khai mạc cuộc họp chuẩn bị cho Hội nghị Bộ trưởng ASEAN về Du lịch lần thứ 30.",
      ["Hội nghị quan chức du lịch trù bị cho Hội nghị Bộ trưởng Du lịch ASEAN lần thứ 30"]],
    ["another number is another meeting", "Hội nghị Bộ trưởng Du lịch ASEAN (ATM) lần thứ 30 khai mạc. Ông nhắc lại Hội nghị ATM 29.",
      ["Hội nghị Bộ trưởng Du lịch ASEAN lần thứ 30", "Hội nghị ATM 29"]],
  ])("%s", (_, text, names) => {
    expect(meetingNames(text)).toEqual(names);
  });
});

describe("a series' acronym joined to a partner", () => {
  it.each([
    ["glued, with 'lần thứ'", "Đoàn dự Hội nghị Bộ trưởng Năng lượng ASEAN (AMEM) lần thứ 50, AMEM+Nga lần thứ 3 và AMEM+Ấn Độ lần thứ 7.",
      ["Hội nghị Bộ trưởng Năng lượng ASEAN lần thứ 50", "Hội nghị Bộ trưởng Năng lượng ASEAN - Nga lần thứ 3", "Hội nghị Bộ trưởng Năng lượng ASEAN - Ấn Độ lần thứ 7"]],
    ["spaced, with a bare number", "Hội nghị Bộ trưởng Năng lượng ASEAN (AMEM) lần thứ 50 mở đầu; AMEM + Nhật Bản 9 họp sau đó.",
      ["Hội nghị Bộ trưởng Năng lượng ASEAN lần thứ 50", "Hội nghị Bộ trưởng Năng lượng ASEAN - Nhật Bản lần thứ 9"]],
    // no number, no partner: nothing new
    ["without a number", "Hội nghị Bộ trưởng Năng lượng ASEAN (AMEM) lần thứ 50 và AMEM+Nga họp cùng ngày.", ["Hội nghị Bộ trưởng Năng lượng ASEAN lần thứ 50"]],
  ])("%s", (_, text, names) => {
    expect(meetingNames(text)).toEqual(names);
  });

  it("keeps the written form as an alias", () => {
    const partner = extract("Hội nghị Bộ trưởng Năng lượng ASEAN (AMEM) lần thứ 50, AMEM+Nga lần thứ 3.").mentions.find((m) => m.name.includes("Nga"));
    expect(partner?.aliases).toEqual(["AMEM+Nga lần thứ 3", "AMEM+Nga 3"]);
  });
});
