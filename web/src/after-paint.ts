// A value that follows another one frame later: the new value is taken after the browser has
// painted the frame that the change caused. For work that would otherwise delay that frame —
// redrawing 100,000 edges to dim them behind search suggestions the reader is waiting for.
import { useEffect, useState } from "react";

export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // requestAnimationFrame runs just before the paint; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(() => value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value]);
  return shown;
}
