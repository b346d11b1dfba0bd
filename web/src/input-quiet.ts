// When the reader last typed, clicked or touched, for background work that should stand aside:
// a search typed while a large graph is still being built needs the page's thread and a core for
// its worker, and on a 2-core machine the build's slices, the search worker and the GPU process
// drawing the first frame take turns on the same two.

/** How long after the last input background work waits, in milliseconds. */
export const INPUT_QUIET_MS = 150;

const INPUT_EVENTS = ["input", "keydown", "pointerdown", "wheel", "touchstart"] as const;

let lastInput = Number.NEGATIVE_INFINITY;
let listening = false;

/** Starts watching input (idempotent): before the background work begins, so that it sees the first keystroke. */
export function watchInput(): void {
  if (listening || typeof window === "undefined") return;
  listening = true;
  const noted = () => {
    lastInput = performance.now();
  };
  // Capture, passive: seen before any handler can stop it, and never delaying it.
  for (const type of INPUT_EVENTS) window.addEventListener(type, noted, { capture: true, passive: true });
}

/** Resolves once no input has come for INPUT_QUIET_MS (at once when none has). */
export async function inputQuiet(): Promise<void> {
  watchInput();
  for (;;) {
    const wait = lastInput + INPUT_QUIET_MS - performance.now();
    if (wait <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
