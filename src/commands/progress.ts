// Progress of a long step on standard error, with its rate and the time left. On a terminal, a
// bar (cli-progress) for runs of `minimum` items or more. Elsewhere — a cron job's log, CI, a
// pipe — plain lines: one every LOG_EVERY_MS while the step runs and one when it ends, and none at
// all for a step shorter than that, so that short runs keep their logs clean. (cli-progress's own
// non-terminal mode writes a line as a step starts and again on a timer, which a step running
// synchronously never lets fire.)
import cliProgress from "cli-progress";

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** Where the lines go and what time it is: standard error and the process clock, unless a test says otherwise. */
export interface ProgressOutput {
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  now: () => number;
}

/** A line at most this often when standard error is not a terminal. */
export const LOG_EVERY_MS = 10_000;

const standardError: ProgressOutput = { stream: process.stderr, now: () => performance.now() };

export function progressBar(label: string, minimum = 200, output: ProgressOutput = standardError): Progress {
  return output.stream.isTTY ? terminalBar(label, minimum, output) : logLines(label.trim(), output);
}

function terminalBar(label: string, minimum: number, { stream, now }: ProgressOutput): Progress {
  let bar: cliProgress.SingleBar | undefined;
  let started = 0;
  return {
    update(done, total) {
      if (total < minimum) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: `${label} [{bar}] {value}/{total} {rate}/s ETA {eta_formatted}`, stream, hideCursor: true, etaBuffer: 200 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0, { rate: "–" });
        started = now();
      }
      const seconds = (now() - started) / 1000;
      bar.setTotal(total);
      bar.update(done, { rate: seconds > 0.5 ? (done / seconds).toFixed(0) : "–" });
    },
    stop() {
      bar?.stop();
    },
  };
}

/** "extracting: 45,000/100,000, 2,103/s, about 26 s left", then "extracting: 100,000 in 47.6 s, 2,101/s". */
function logLines(label: string, { stream, now }: ProgressOutput): Progress {
  let started: number | undefined;
  let lastLine = 0;
  let written = false;
  let lastDone = 0;
  const rate = (done: number, at: number) => done / Math.max((at - started!) / 1000, 1e-3);
  return {
    update(done, total) {
      const at = now();
      started ??= at;
      lastDone = done;
      if (at - Math.max(started, lastLine) < LOG_EVERY_MS) return;
      lastLine = at;
      written = true;
      const perSecond = rate(done, at);
      const left = perSecond > 0 ? `, about ${formatSeconds((total - done) / perSecond)} left` : "";
      stream.write(`${label}: ${count(done)}/${count(total)}, ${count(perSecond)}/s${left}\n`);
    },
    stop() {
      if (!written || started === undefined) return;
      const at = now();
      stream.write(`${label}: ${count(lastDone)} in ${formatSeconds((at - started) / 1000)}, ${count(rate(lastDone, at))}/s\n`);
      written = false;
    },
  };
}

const count = (n: number) => Math.round(n).toLocaleString("en");
const formatSeconds = (s: number) => (s < 100 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`);
