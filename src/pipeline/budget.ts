// A time budget per file for extraction. JavaScript runs one thing at a time, so the budget is
// kept cooperatively: extraction calls `check` between sentences and stages, and a file past
// its deadline is abandoned there. Every stage is meant to be linear (sentences are cut into
// windows of at most 2,000 characters, text.sentences.ts); this is the guard for what is not yet.

/** Seconds every file may take, whatever its size, and seconds more per MB of its text. */
export interface BudgetRule {
  baseSeconds: number;
  secondsPerMb: number;
}

/**
 * A normal file extracts at about 0.5 s per MB on a busy 2-core machine (docs/benchmarks.md);
 * the budget is generous so that a loaded machine does not drop files a quiet one keeps.
 */
export const DEFAULT_BUDGET: BudgetRule = { baseSeconds: 10, secondsPerMb: 4 };

export class BudgetExceeded extends Error {
  override name = "BudgetExceeded";
  constructor(readonly seconds: number) {
    super(`extraction took longer than the ${seconds.toFixed(0)} s allowed for this file`);
  }
}

/** A deadline for a file of `chars` characters of text; `check` throws BudgetExceeded past it. */
export function fileBudget(chars: number, rule: BudgetRule = DEFAULT_BUDGET): { seconds: number; check: () => void } {
  const seconds = rule.baseSeconds + (rule.secondsPerMb * chars) / 1_048_576;
  const deadline = performance.now() + seconds * 1000;
  return {
    seconds,
    check: () => {
      if (performance.now() > deadline) throw new BudgetExceeded(seconds);
    },
  };
}
