// The viewer's error sentences: every error a reader can meet has one in Vietnamese and one in
// English, chosen by the browser's first language, never the server's developer wording.
import { afterEach, describe, expect, test, vi } from "vitest";
import { KNOWN_ERRORS, localized, readableError } from "../../web/src/messages.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("error messages", () => {
  test.each(KNOWN_ERRORS)("%s reads in Vietnamese and in English", (name) => {
    vi.stubGlobal("navigator", { languages: ["vi-VN"], language: "vi-VN" });
    const vietnamese = readableError(name, "developer detail");
    vi.stubGlobal("navigator", { languages: ["en-US", "vi"], language: "en-US" });
    const english = readableError(name, "developer detail");
    expect(vietnamese).not.toBe(english);
    for (const sentence of [vietnamese, english]) {
      expect(sentence).not.toContain("developer detail");
      expect(sentence).toMatch(/[.!?)]$/);
    }
  });

  test("an unknown error is a plain sentence in either language, not the server's words", () => {
    vi.stubGlobal("navigator", { languages: ["en-GB"], language: "en-GB" });
    expect(readableError("TypeError", "Cannot read properties of undefined")).toBe("Something unexpected went wrong.");
    vi.stubGlobal("navigator", { languages: ["fr-FR"], language: "fr-FR" });
    expect(readableError("TypeError", "Cannot read properties of undefined")).toBe("Đã xảy ra lỗi không mong đợi.");
  });

  test("the interface's words follow the browser's first language", () => {
    vi.stubGlobal("navigator", { languages: ["en-US"], language: "en-US" });
    expect(localized("Chạy truy vấn này?", "Run this query?")).toBe("Run this query?");
    vi.stubGlobal("navigator", { languages: ["vi-VN", "en-US"], language: "vi-VN" });
    expect(localized("Chạy truy vấn này?", "Run this query?")).toBe("Chạy truy vấn này?");
  });
});
