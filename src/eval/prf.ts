// Precision / recall / F1 from counts, rounded to three decimals (the reference's rounding).
import type { Prf } from "./types.ts";

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision: round3(precision), recall: round3(recall), f1: round3(f1) };
}
