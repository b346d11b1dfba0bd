// A progress bar on standard error for long runs, silent when the output is not a terminal
// or the run is short, so that logs and pipes stay clean.
import cliProgress from "cli-progress";

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progressBar(label: string, minimum = 200): Progress {
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (!process.stderr.isTTY || total < minimum) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: `${label} [{bar}] {value}/{total} {eta_formatted}`, stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
