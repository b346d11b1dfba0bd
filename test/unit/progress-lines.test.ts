// Progress where standard error is not a terminal (a cron job's log, CI): plain lines every
// LOG_EVERY_MS with the rate and the time left, a closing line with the step's duration, and
// nothing for a step shorter than that (commands/progress.ts).
import { Writable } from "node:stream";
import { describe, expect, test } from "vitest";
import { LOG_EVERY_MS, progressBar, type ProgressOutput } from "../../src/commands/progress.ts";

/** A log that is not a terminal, and a clock the test moves. */
function fakeLog(): { output: ProgressOutput; lines: () => string[]; tick: (ms: number) => void } {
  let text = "";
  let clock = 1_000;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  }) as Writable & { isTTY?: boolean };
  stream.isTTY = false;
  return { output: { stream, now: () => clock }, lines: () => text.split("\n").filter(Boolean), tick: (ms) => (clock += ms) };
}

describe("progress in a log", () => {
  test("a step shorter than the interval writes nothing, so short runs stay clean", () => {
    const log = fakeLog();
    const bar = progressBar("extracting", 200, log.output);
    bar.update(0, 5_000);
    log.tick(LOG_EVERY_MS - 1);
    bar.update(4_000, 5_000);
    bar.stop();
    expect(log.lines()).toEqual([]);
  });

  test("a long step writes a line per interval with its rate and time left, then its duration", () => {
    const log = fakeLog();
    const bar = progressBar("extracting", 200, log.output);
    bar.update(0, 100_000);
    log.tick(4_000);
    bar.update(8_000, 100_000); // before the first interval: nothing yet
    log.tick(6_000);
    bar.update(20_000, 100_000); // 10 s in: 2,000/s, 80,000 left
    log.tick(3_000);
    bar.update(26_000, 100_000); // 3 s after the last line: nothing
    log.tick(7_000);
    bar.update(40_000, 100_000); // 20 s in
    log.tick(9_000);
    bar.update(100_000, 100_000); // 9 s after the last line: only the closing line follows
    bar.stop();
    bar.stop(); // stopping twice writes the closing line once
    expect(log.lines()).toEqual([
      "extracting: 20,000/100,000, 2,000/s, about 40.0 s left",
      "extracting: 40,000/100,000, 2,000/s, about 30.0 s left",
      "extracting: 100,000 in 29.0 s, 3,448/s",
    ]);
  });

  test("the label loses the padding that aligns the terminal's bars", () => {
    const log = fakeLog();
    const bar = progressBar("writing   ", 200, log.output);
    bar.update(0, 10);
    log.tick(LOG_EVERY_MS);
    bar.update(5, 10);
    expect(log.lines()).toEqual(["writing: 5/10, 1/s, about 10.0 s left"]);
  });
});
