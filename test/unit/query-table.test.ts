// `diplograph query --format table`: each column at most MAX_COLUMN_WIDTH characters wide, cut
// with an ellipsis; JSON and CSV keep every value whole.
import { describe, expect, it } from "vitest";
import { clip, formatResult, MAX_COLUMN_WIDTH } from "../../src/neo4j/format.ts";
import type { ReadQueryResult } from "../../src/neo4j/read-only.ts";

const quote = "Hội nghị Cấp cao ASEAN lần thứ 37 đã thông qua Tuyên bố Hà Nội về Tầm nhìn Cộng đồng ASEAN sau năm 2025 😀 và nhiều văn kiện khác";
const result = { columns: ["who", "quote"], rows: [{ who: "Nguyễn Xuân Phúc", quote }], truncated: false, cut: null } satisfies ReadQueryResult;

describe("query table", () => {
  it("caps a long column with an ellipsis; short ones stay whole", () => {
    const lines = formatResult(result, "table").split("\n");
    expect(lines).toHaveLength(3);
    const cells = lines[2]!.split(" │ ");
    expect(cells[0]!.trimEnd()).toBe("Nguyễn Xuân Phúc");
    expect([...cells[1]!]).toHaveLength(MAX_COLUMN_WIDTH);
    expect(cells[1]!.endsWith("…")).toBe(true);
    expect(quote.startsWith(cells[1]!.slice(0, -1))).toBe(true);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(2 * MAX_COLUMN_WIDTH + 3);
  });

  it("JSON and CSV are not cut", () => {
    expect(formatResult(result, "json")).toContain(quote);
    expect(formatResult(result, "csv")).toContain(quote);
  });

  it("clip counts code points, so an emoji is never split", () => {
    expect(clip("ab😀cd", 4)).toBe("ab😀…");
    expect(clip("ab😀", 3)).toBe("ab😀");
    expect(clip("x".repeat(MAX_COLUMN_WIDTH))).toBe("x".repeat(MAX_COLUMN_WIDTH));
  });
});
