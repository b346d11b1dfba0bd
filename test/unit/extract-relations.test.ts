// Relation patterns, one Vietnamese wording per case, with the facts written out.
import { describe, expect, it } from "vitest";
import { factLines } from "../helpers/extract.ts";

describe("relations", () => {
  it.each([
    ["active chairing", "Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh, Chủ tịch Hội đồng Điều phối ASEAN đã chủ trì Hội nghị Cấp cao ASEAN lần thứ 36.",
      ["CHAIRED Phạm Bình Minh → Hội nghị Cấp cao ASEAN lần thứ 36"]],
    ["'do X làm Chủ tịch'", "Hội nghị Cấp cao ASEAN lần thứ 37 do Việt Nam làm Chủ tịch đã khép lại.",
      ["CHAIRED Việt Nam → Hội nghị Cấp cao ASEAN lần thứ 37"]],
    ["'dưới sự chủ trì của X'", "Ngày 17/6, ASEAN tổ chức Hội nghị tham vấn chung ASEAN (JCM) dưới sự chủ trì của nước Chủ tịch 2021 Brunei.",
      ["CHAIRED Brunei → Hội nghị tham vấn chung ASEAN"]],
    ["'do X, trong vai trò ..., chủ trì'", "Hội thảo khu vực về Kế hoạch công tác IAI giai đoạn 2021-2025 do Việt Nam, trong vai trò Chủ tịch Nhóm đặc trách IAI, chủ trì ngày 19/5/2021.",
      ["CHAIRED Việt Nam → Hội thảo khu vực về Kế hoạch công tác IAI giai đoạn 2021-2025"]],
    ["a list after 'Chủ tịch'", "Trong năm qua, Việt Nam đảm nhiệm nhiều trọng trách như Chủ tịch Hội nghị Bộ trưởng Thông tin ASEAN, Hội nghị Bộ trưởng Quản lý Thiên tai ASEAN.",
      ["CHAIRED Việt Nam → Hội nghị Bộ trưởng Quản lý Thiên tai ASEAN", "CHAIRED Việt Nam → Hội nghị Bộ trưởng Thông tin ASEAN"]],
    ["'Hội nghị' refers back to the article's meeting", "Ngày 9/4, Hội nghị lần thứ 25 Hội đồng Điều phối ASEAN (ACC) được tổ chức trực tuyến. Phó Thủ tướng Phạm Bình Minh đã chủ trì Hội nghị.",
      ["ATTENDED ASEAN → Hội nghị lần thứ 25 Hội đồng Điều phối ASEAN", "CHAIRED Phạm Bình Minh → Hội nghị lần thứ 25 Hội đồng Điều phối ASEAN"].slice(1)],
    ["leading a delegation", "Hội nghị tham vấn chung ASEAN diễn ra. Thứ trưởng Ngoại giao Nguyễn Quốc Dũng dẫn đầu đoàn đại biểu Việt Nam tham dự Hội nghị.",
      ["ATTENDED Nguyễn Quốc Dũng → Hội nghị tham vấn chung ASEAN", "ATTENDED Việt Nam → Hội nghị tham vấn chung ASEAN", "OFFICIAL_OF Nguyễn Quốc Dũng → Việt Nam"]],
    ["a speech at the meeting", "Hội nghị Cấp cao ASEAN lần thứ 37 bế mạc. Phát biểu bế mạc, Thủ tướng Nguyễn Xuân Phúc khẳng định Hội nghị Cấp cao ASEAN lần thứ 37 thành công.",
      ["ATTENDED Nguyễn Xuân Phúc → Hội nghị Cấp cao ASEAN lần thứ 37"]],
    ["adoption by a listed 'như:'", "Hội nghị Cấp cao ASEAN lần thứ 37 khép lại. Tại đây, nhiều quyết sách được thông qua như: Kế hoạch hành động ASEAN - Liên Hợp Quốc giai đoạn 2021-2025; quan hệ hợp tác ASEAN.",
      ["ADOPTED Hội nghị Cấp cao ASEAN lần thứ 37 → Kế hoạch hành động ASEAN - Liên Hợp Quốc giai đoạn 2021-2025"]],
    ["'thông qua' meaning 'by means of' is no adoption", "Hội nghị Cấp cao ASEAN lần thứ 37 khép lại. Các nước thúc đẩy hợp tác thông qua Kế hoạch hành động ASEAN về y tế và mua vaccine thông qua thỏa thuận với UNICEF.",
      []],
    ["'thông qua việc' is no adoption", "Hội nghị Cấp cao ASEAN lần thứ 38 khai mạc. Thủ tướng đề nghị tăng cường hợp tác thông qua việc thực hiện Hiến chương ASEAN.",
      []],
    ["proposals listed after 'đề xuất của X ... như:'", "Hội nghị lần thứ 25 Hội đồng Điều phối ASEAN diễn ra. Các nước ủng hộ các đề xuất của Việt Nam như: Hình thành kho dự phòng khu vực về trang thiết bị y tế; Xây dựng quy trình ứng phó chung của ASEAN.",
      ["PROPOSED_BY Hình thành kho dự phòng khu vực về trang thiết bị y tế → Việt Nam", "PROPOSED_BY Xây dựng quy trình ứng phó chung của ASEAN → Việt Nam"]],
    ["'sáng kiến của X tổ chức <meeting>'", "Hội nghị tham vấn chung ASEAN diễn ra. Hội nghị nhất trí thông qua sáng kiến của Việt Nam tổ chức Diễn đàn ASEAN về Hợp tác tiểu vùng: Thu hẹp khoảng cách.",
      ["PROPOSED_BY Diễn đàn ASEAN về Hợp tác tiểu vùng → Việt Nam"]],
    ["'ý tưởng của X như <doc>'", "Cuộc họp liên ngành tổng kết hợp tác ASEAN diễn ra. Nhiều ý tưởng của Việt Nam như Bộ Chỉ số phát triển bền vững doanh nghiệp đã được lan tỏa.",
      ["PROPOSED_BY Bộ Chỉ số phát triển bền vững doanh nghiệp → Việt Nam"]],
    ["'<doc> do X đề xuất'", "Hội nghị Cấp cao ASEAN lần thứ 40 khai mạc. Sáng kiến Mạng lưới y tế ASEAN do Thái Lan đề xuất được ủng hộ.",
      ["PROPOSED_BY Sáng kiến Mạng lưới y tế ASEAN → Thái Lan"]],
    ["coordinated subjects attend", "Ngoại trưởng Mỹ Antony Blinken và Bộ trưởng Ngoại giao Trung Quốc Vương Nghị tham dự Hội nghị Cấp cao Đông Á lần thứ 16.",
      ["ATTENDED Antony Blinken → Hội nghị Cấp cao Đông Á lần thứ 16", "ATTENDED Vương Nghị → Hội nghị Cấp cao Đông Á lần thứ 16"]],
    ["two meetings held together share their chair", "Hội nghị Cấp cao ASEAN lần thứ 38 và 39 khai mạc dưới sự chủ trì của Quốc vương Brunei Hassanal Bolkiah.",
      ["CHAIRED Hassanal Bolkiah → Hội nghị Cấp cao ASEAN lần thứ 38", "CHAIRED Hassanal Bolkiah → Hội nghị Cấp cao ASEAN lần thứ 39"]],
    ["a statement issued", "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 56 bế mạc. Các Bộ trưởng đã ra Tuyên bố chung về tình hình Myanmar.",
      ["ADOPTED Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 56 → Tuyên bố chung về tình hình Myanmar"]],
    ["an attendance stated after the subject", "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 56 bế mạc. Tổng Thư ký ASEAN Kao Kim Hourn cũng tham dự.",
      ["ATTENDED Kao Kim Hourn → Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 56"]],
    ["co-chairs named in a passive", "Hội nghị Cấp cao kỷ niệm 50 năm quan hệ ASEAN - Nhật Bản khai mạc. Hội nghị do Thủ tướng Nhật Bản Kishida Fumio và Tổng thống Indonesia Joko Widodo, Chủ tịch ASEAN 2023, đồng chủ trì.",
      ["CHAIRED Joko Widodo → Hội nghị Cấp cao kỷ niệm 50 năm quan hệ ASEAN - Nhật Bản", "CHAIRED Kishida Fumio → Hội nghị Cấp cao kỷ niệm 50 năm quan hệ ASEAN - Nhật Bản"]],
    ["chairing and opening in one breath", "Bộ trưởng Ngoại giao Bùi Thanh Sơn chủ trì và phát biểu khai mạc Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 57.",
      ["ATTENDED Bùi Thanh Sơn → Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 57", "CHAIRED Bùi Thanh Sơn → Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 57"]],
  ])("%s", (_, text, expected) => {
    expect(factLines(text).filter((f) => !f.startsWith("ATTENDED ASEAN"))).toEqual(expected);
  });
});
