// A progress bar on standard error for long runs, silent when the output is not a terminal
// or the run is short, so that logs and pipes stay clean. It shows the rate and the time left.
import cliProgress from "cli-progress";

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progressBar(label: string, minimum = 200): Progress {
  let bar: cliProgress.SingleBar | undefined;
  let started = 0;
  return {
    update(done, total) {
      if (!process.stderr.isTTY || total < minimum) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: `${label} [{bar}] {value}/{total} {rate}/s ETA {eta_formatted}`, stream: process.stderr, hideCursor: true, etaBuffer: 200 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0, { rate: "–" });
        started = performance.now();
      }
      const seconds = (performance.now() - started) / 1000;
      bar.setTotal(total);
      bar.update(done, { rate: seconds > 0.5 ? (done / seconds).toFixed(0) : "–" });
    },
    stop() {
      bar?.stop();
    },
  };
}
