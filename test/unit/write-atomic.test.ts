import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomicFrom } from "../../src/graph/write-atomic.ts";

const folder = () => mkdtempSync(join(tmpdir(), "diplograph-atomic-"));

/** Pieces like a patched graph.json's: short strings, short and long runs of bytes, each byte's value from its place. */
function pieces(): { parts: Array<string | Uint8Array>; whole: Buffer } {
  const parts: Array<string | Uint8Array> = [];
  let n = 0;
  const bytes = (length: number) => {
    const b = Buffer.alloc(length);
    for (let i = 0; i < length; i++) b[i] = 97 + ((n + i) % 26);
    n += length;
    return b;
  };
  for (let k = 0; k < 300; k++) {
    parts.push(`line ${k} — ${"ă".repeat(k % 7)}\n`);
    // runs of 1 byte to 3 MB: many writes pending at once, some larger than the write buffer
    parts.push(bytes(k % 20 === 0 ? 3 << 20 : 1 + ((k * 7919) % 40_000)));
  }
  return { parts, whole: Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : p))) };
}

describe("writeFileAtomicFrom", () => {
  it("writes pieces of strings and bytes, some larger than its buffer, in their order", async () => {
    const dir = folder();
    const { parts, whole } = pieces();
    expect(whole.length).toBeGreaterThan(40 << 20);
    await writeFileAtomicFrom(join(dir, "out.json"), parts);
    expect(readFileSync(join(dir, "out.json")).equals(whole)).toBe(true);
    expect(readdirSync(dir)).toEqual(["out.json"]);
  });

  it("leaves the previous file as it was when the pieces fail halfway, and no temporary file", async () => {
    const dir = folder();
    writeFileSync(join(dir, "out.json"), "previous");
    const { parts } = pieces();
    async function* failing() {
      let i = 0;
      for (const p of parts) {
        if (++i === 200) throw new Error("source gone");
        yield p;
      }
    }
    await expect(writeFileAtomicFrom(join(dir, "out.json"), failing())).rejects.toThrow("source gone");
    expect(readFileSync(join(dir, "out.json"), "utf8")).toBe("previous");
    expect(readdirSync(dir)).toEqual(["out.json"]);
  });
});
