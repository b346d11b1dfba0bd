// Where a document's name ends: capitals, verbs and titles after it, lists and pairs inside its
// topic. Names here are invented, the constructions real.
import { describe, expect, it } from "vitest";
import { names } from "../helpers/extract.ts";

describe("document name ends", () => {
  it.each([
    // two verbs joined in a topic; a capitalised list closed by "và"
    ["Các nước ủng hộ Đồng thuận ASEAN về bảo vệ và thúc đẩy quyền của trẻ em khuyết tật.", ["Đồng thuận ASEAN về bảo vệ và thúc đẩy quyền của trẻ em khuyết tật"]],
    ["Hai bên ký Tuyên bố chung Manila về Hợp tác, Phát triển và Ổn định, đồng thời nhất trí.", ["Tuyên bố chung Manila về Hợp tác, Phát triển và Ổn định"]],
    // a verb after the name's last capital or number, a demonstrative, a title before a person
    // a ministry's portfolio named whole is no document
    ["Đại diện các Bộ: Giao thông vận tải; Kế hoạch và Đầu tư; Giáo dục và Đào tạo cùng dự. Các nước thông qua Kế hoạch hành động về hợp tác.", ["Kế hoạch hành động về hợp tác"]],
    // prepositions inside a topic, but not a verb or a time of the sentence after them
    ["Các nước ra Tuyên bố về hợp tác trước các thách thức an ninh mạng.", ["Tuyên bố về hợp tác"]],
    ["Các nước ký Hiệp định về Tạo thuận lợi cho vận tải hàng hóa qua biên giới.", ["Hiệp định về Tạo thuận lợi cho vận tải hàng hóa qua biên giới"]],
    ["Các nước ra Tuyên bố về ứng phó chung trước thiên tai và Kế hoạch Hành động Đà Nẵng.", ["Tuyên bố về ứng phó chung trước thiên tai", "Kế hoạch Hành động Đà Nẵng"]],
    ["Tuyên bố về hợp tác biển cho thấy quyết tâm của các nước.", ["Tuyên bố về hợp tác biển"]],
    // the head's acronym in parentheses, its topic after it; "trong" and a body closing a list's item
    ["Các nước thông qua Tài liệu tham chiếu (TOR) về Mạng lưới các thành phố thông minh ASEAN.", ["Tài liệu tham chiếu về Mạng lưới các thành phố thông minh ASEAN"]],
    ["Các nước thông qua: Hướng dẫn bảo vệ người tiêu dùng trực tuyến trong ASEAN; Kế hoạch Hành động Đà Nẵng.", ["Hướng dẫn bảo vệ người tiêu dùng trực tuyến trong ASEAN", "Kế hoạch Hành động Đà Nẵng"]],
    ["Kế hoạch Hành động Đà Nẵng khẳng định vai trò của ASEAN.", ["Kế hoạch Hành động Đà Nẵng"]],
    ["Ủy ban thông qua Kế hoạch Công tác ACMW 2026-2030 làm văn kiện định hướng.", ["Kế hoạch Công tác ACMW 2026-2030"]],
    ["Kế hoạch Hành động Đà Nẵng này rất quan trọng.", ["Kế hoạch Hành động Đà Nẵng"]],
    ["Các nước ký Hiệp định Đối tác Thương mại khu vực Thủ tướng Lê Văn An phát biểu.", ["Hiệp định Đối tác Thương mại khu vực"]],
    // "và hình thành" starts a second document
    ["Các nước ký Tuyên bố Bangkok về Chống buôn lậu và hình thành Kế hoạch hành động ASEAN chống buôn lậu.", ["Tuyên bố Bangkok về Chống buôn lậu", "Kế hoạch hành động ASEAN chống buôn lậu"]],
    // a meeting as the author; "tự do" is one word
    ["Sau đây là Tuyên bố chung của Hội nghị Cấp cao CLMV lần thứ 11: Chúng tôi cam kết.", ["Tuyên bố chung của Hội nghị Cấp cao CLMV lần thứ 11"]],
    ["Hai bên thúc đẩy Hiệp định thương mại tự do ASEAN - Úc.", ["Hiệp định thương mại tự do ASEAN - Úc"]],
    // … but a bare "Hội nghị" is no author's name, and a topic keeps its own verbs
    ["Các Bộ trưởng thông qua Thông cáo chung của Hội nghị.", []],
    ["Các nhà lãnh đạo ra Tuyên bố về việc kết nạp Đông Timor làm thành viên.", ["Tuyên bố về việc kết nạp Đông Timor làm thành viên"]],
    // a verb of saying right after the head is the sentence going on; "cũng" ends a name
    ["Hội nghị ra Tuyên bố chung hoan nghênh quyết định của các nhà lãnh đạo.", []],
    ["Thông cáo chung của AIPA-50 cũng được ký tại phiên bế mạc.", ["Thông cáo chung của AIPA-50"]],
    // an announced list of documents: each item that starts with a head is one, in lower case too
    ["Các nhà lãnh đạo thông qua ba văn kiện khác gồm: Kế hoạch tổng thể Kết nối số ASEAN, tuyên bố về an ninh năng lượng ở khu vực ASEAN, sáng kiến thứ ba về kinh tế xanh.",
      ["Kế hoạch tổng thể Kết nối số ASEAN", "tuyên bố về an ninh năng lượng ở khu vực ASEAN", "sáng kiến thứ ba về kinh tế xanh"]],
    ["Các văn kiện như: tuyên bố về nước sạch và kế hoạch về rừng ngập mặn đều được thông qua.", ["tuyên bố về nước sạch", "kế hoạch về rừng ngập mặn"]],
    // … and only an announced one: no noun for documents before "gồm", or an item that is no document, ends it
    ["Chương trình gồm: tuyên bố về nước sạch, kế hoạch về rừng.", []],
    ["Hai văn kiện gồm: một báo cáo chung, kế hoạch về rừng.", []],
    // the period a document covers, in parentheses, and a quoted name inside its topic are part of it
    ["Các nước ký Tuyên bố Viêng Chăn về Lộ trình hội nhập ASEAN (2026-2030) nhằm hướng tới thị trường chung.", ["Tuyên bố Viêng Chăn về Lộ trình hội nhập ASEAN (2026-2030)"]],
    ["Hai bên ra Tuyên bố sông Mê Kông về thiết lập “Quan hệ đối tác vì phát triển bền vững”.", ["Tuyên bố sông Mê Kông về thiết lập “Quan hệ đối tác vì phát triển bền vững”"]],
    // a head right before a verb of saying is the subject of a sentence on a document named before
    ["Hội nghị thông qua Tuyên bố Viêng Chăn. Tuyên bố nhấn mạnh vai trò trung tâm của ASEAN.", ["Tuyên bố Viêng Chăn"]],
    ["Tuyên bố chung ghi nhận sự chuyển dịch của cục diện khu vực.", []],
    // "trong việc" opens a topic as "về" does
    ["Các nước ký Tuyên bố của các Bộ trưởng ASEAN trong việc bảo vệ và thúc đẩy quyền của ngư dân.", ["Tuyên bố của các Bộ trưởng ASEAN trong việc bảo vệ và thúc đẩy quyền của ngư dân"]],
    // "các bên trên Biển Đông": where the parties are, inside the name
    ["Hai bên bàn về Bộ Quy tắc ứng xử của các bên trên Biển Đông (COC) tại Huế.", ["Bộ Quy tắc ứng xử của các bên trên Biển Đông"]],
    // documents known to all by an acronym or a short form (documents.json known): an acronym keeps its own name
    ["Các bên tuân thủ UNCLOS 1982 và thực hiện đầy đủ DOC trên biển.", ["UNCLOS 1982", "DOC"]],
    ["Các nước triển khai Đối tác kinh tế toàn diện khu vực (RCEP) trong năm tới.", ["Hiệp định Đối tác Kinh tế Toàn diện Khu vực"]],
    // … not after a head of its own in the same clause: a word of that document's name
    ["Ông ký Hiệp định RCEP tại Hà Nội.", ["Hiệp định RCEP"]],
    // an acronym alone is the article's document given it
    ["Các bên tham vấn Bộ Quy tắc ứng xử của các bên trên Biển Đông (COC) tại Huế. Các nước mong sớm có COC.", ["Bộ Quy tắc ứng xử của các bên trên Biển Đông", "Bộ Quy tắc ứng xử của các bên trên Biển Đông"]],
  ])("%s", (text, expected) => {
    expect(names(text, "Document")).toEqual(expected);
  });
});

describe("documents known by an acronym", () => {
  it("takes no acronym that is a word of another document's name in the same clause", () => {
    const found = names("Các bộ trưởng ra Tuyên bố chung ASEAN - Úc về triển khai toàn diện và hiệu quả DOC, trong đó nhấn mạnh hòa bình.", "Document");
    expect(found).not.toContain("DOC");
    expect(found).toHaveLength(1);
  });
});

describe("a page cut short", () => {
  it.each([
    // a meeting's or a document's name running into the cut is left out; one closed by punctuation, or an official's, stays
    ["Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 60 khai mạc. Các nước hoan nghênh Kế hoạch Tổng thể ACMECS nh", "Document", []],
    ["Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 60 khai mạc. Thủ tướng tham dự Hội nghị Cấp cao Hiệp định Đối t", "Meeting", ["Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 60"]],
    ["Các nước hoan nghênh Kế hoạch Tổng thể ACMECS.", "Document", ["Kế hoạch Tổng thể ACMECS"]],
    ["Hội nghị khai mạc. Cùng dự có Thứ trưởng Bộ Quốc phòng Lê Văn Tám", "Official", ["Lê Văn Tám"]],
  ] as const)("%s", (text, kind, expected) => {
    expect(names(text, kind)).toEqual(expected);
  });
});
