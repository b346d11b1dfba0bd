// The large graph's background build stands aside while the reader types (web/src/input-quiet.ts,
// used between the slices of loaded-graph.ts): it resumes only after INPUT_QUIET_MS without input.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { INPUT_QUIET_MS, inputQuiet, watchInput } from "../../web/src/input-quiet.ts";

describe("inputQuiet", () => {
  const page = new EventTarget();
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
    vi.stubGlobal("window", page);
    watchInput();
  });
  afterAll(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** Whether `promise` has settled after `ms` of fake time. */
  async function settledAfter(promise: Promise<void>, ms: number): Promise<boolean> {
    let done = false;
    void promise.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(ms);
    return done;
  }

  test("resolves at once when the reader has not touched the page", async () => {
    expect(await settledAfter(inputQuiet(), 0)).toBe(true);
  });

  test("waits for a pause after a keystroke, and each keystroke moves the pause", async () => {
    await vi.advanceTimersByTimeAsync(1_000);
    page.dispatchEvent(new Event("input"));
    const quiet = inputQuiet();
    expect(await settledAfter(quiet, INPUT_QUIET_MS - 50)).toBe(false);
    page.dispatchEvent(new Event("keydown"));
    // The first pause would have ended here; the second keystroke moved it on.
    expect(await settledAfter(quiet, 60)).toBe(false);
    expect(await settledAfter(quiet, INPUT_QUIET_MS)).toBe(true);
  });

  test("a click or a scroll counts as input too; other events do not", async () => {
    await vi.advanceTimersByTimeAsync(1_000);
    page.dispatchEvent(new Event("mousemove"));
    expect(await settledAfter(inputQuiet(), 0)).toBe(true);
    page.dispatchEvent(new Event("pointerdown"));
    expect(await settledAfter(inputQuiet(), 0)).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    page.dispatchEvent(new Event("wheel"));
    expect(await settledAfter(inputQuiet(), INPUT_QUIET_MS - 1)).toBe(false);
  });
});
