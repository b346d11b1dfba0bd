// A value that follows another one frame later: the new value is taken after the browser has
// painted the frame that the change caused. For work that would otherwise delay that frame —
// redrawing 100,000 edges to dim them behind search suggestions the reader is waiting for.
import { useEffect, useState } from "react";

/**
 * `value`, taken once the frame its change caused has been painted and it has then stayed the
 * same for `settleMs` (0: at once). A pause while typing, not every keystroke, then pays the
 * redraw: each keystroke's redraw of a large graph (≈ 0.5 s of the page's thread) would hold
 * back the next keystroke's suggestions.
 */
export function useAfterPaint<T>(value: T, settleMs = 0): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // requestAnimationFrame runs just before the paint; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(() => value), settleMs);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, settleMs]);
  return shown;
}
