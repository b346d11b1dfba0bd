// A communiqué or statement named by its kind alone ("đã ký Thông cáo chung") is the adopting meeting's
// own: named after it, or after the article's named document of that kind, and dropped when nothing adopted it.
import { describe, expect, it } from "vitest";
import { extract, factLines } from "../helpers/extract.ts";

const documents = (text: string) => extract(text).mentions.filter((m) => m.kind === "Document").map((m) => m.name);

describe("documents named by their kind alone", () => {
  it("are named after the meeting that adopted them", () => {
    expect(factLines("Đại hội đồng AIPA lần thứ 50 bế mạc. Trưởng các đoàn thành viên AIPA đã ký Thông cáo chung.")).toEqual([
      "ADOPTED Đại hội đồng AIPA lần thứ 50 → Thông cáo chung Đại hội đồng AIPA lần thứ 50",
    ]);
  });

  it("are read in lower case too, and named with a capital", () => {
    expect(factLines("Đại hội đồng AIPA lần thứ 50 đã thông qua 12 nghị quyết và 1 thông cáo chung.")).toEqual([
      "ADOPTED Đại hội đồng AIPA lần thứ 50 → Thông cáo chung Đại hội đồng AIPA lần thứ 50",
    ]);
    expect(factLines("Hội nghị Bộ trưởng Tài chính ASEAN lần thứ 20 kết thúc với việc các bộ trưởng ra tuyên bố chung, thể hiện quan điểm thống nhất.")).toEqual([
      "ADOPTED Hội nghị Bộ trưởng Tài chính ASEAN lần thứ 20 → Tuyên bố chung Hội nghị Bộ trưởng Tài chính ASEAN lần thứ 20",
    ]);
  });

  it("stay two documents when two meetings each adopt one", () => {
    const text = "Hội nghị Bộ trưởng Quốc phòng ASEAN lần thứ 20 đã thông qua Tuyên bố chung. Ngày hôm sau, Hội nghị Bộ trưởng Quốc phòng ASEAN mở rộng lần thứ 12 cũng ra Tuyên bố chung.";
    expect(factLines(text)).toEqual([
      "ADOPTED Hội nghị Bộ trưởng Quốc phòng ASEAN lần thứ 20 → Tuyên bố chung Hội nghị Bộ trưởng Quốc phòng ASEAN lần thứ 20",
      "ADOPTED Hội nghị Bộ trưởng Quốc phòng ASEAN mở rộng lần thứ 12 → Tuyên bố chung Hội nghị Bộ trưởng Quốc phòng ASEAN mở rộng lần thứ 12",
    ]);
  });

  it("are the article's named document of that kind when it has one", () => {
    const text = "Hội nghị Bộ trưởng Quốc phòng ASEAN lần thứ 20 kết thúc với việc các bộ trưởng ký Tuyên bố chung. Sau lễ ký, Tuyên bố chung Viêng Chăn về an ninh biển được trao cho Tổng Thư ký ASEAN.";
    expect(factLines(text)).toContain("ADOPTED Hội nghị Bộ trưởng Quốc phòng ASEAN lần thứ 20 → Tuyên bố chung Viêng Chăn về an ninh biển");
    expect(documents(text).every((d) => d.startsWith("Tuyên bố chung Viêng Chăn"))).toBe(true);
  });

  it("are nothing when only drafted, only spoken of, or adopted by no meeting", () => {
    expect(documents("Hội nghị Bộ trưởng Y tế ASEAN lần thứ 20 khai mạc. Các quan chức xem xét và thông qua Dự thảo Tuyên bố chung.")).toEqual([]);
    expect(documents("Hội nghị Bộ trưởng Y tế ASEAN lần thứ 20 khai mạc. Tuyên bố chung nhấn mạnh vai trò của y tế dự phòng.")).toEqual([]);
    expect(documents("Năm 2030, các nước láng giềng đã ký Thông cáo chung.")).toEqual([]);
  });
});
