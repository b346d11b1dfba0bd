// CPU time of the processes a benchmark started (Chromium's browser, renderer and GPU
// processes under playwright), read from /proc: on a shared machine the wall clock says how
// busy the others were, the CPU seconds say what the work cost. Linux only; elsewhere empty.
import { readFileSync, readdirSync } from "node:fs";

/** CPU milliseconds (user + system, all threads) by process type: `renderer`, `gpu-process`, `browser`, … */
export type CpuByType = Map<string, number>;

/** USER_HZ: the unit of utime and stime in /proc/PID/stat on every Linux of today. */
const TICKS_PER_SECOND = 100;

interface ProcessEntry {
  parent: number;
  cpuMs: number;
  type: string;
}

function readProcess(pid: string): ProcessEntry | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses: the fields start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    const type = /--type=([\w-]+)/.exec(command)?.[1] ?? (/chrom/i.test(command) ? "browser" : "other");
    return { parent: Number(fields[1]), cpuMs, type };
  } catch {
    return null; // gone between the listing and the read, or not ours to read
  }
}

/** CPU used so far by every descendant of `root` (this process by default), summed by type. */
export function descendantCpu(root = process.pid): CpuByType {
  const table = new Map<number, ProcessEntry>();
  let names: string[];
  try {
    names = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return new Map();
  }
  for (const name of names) {
    const entry = readProcess(name);
    if (entry) table.set(Number(name), entry);
  }
  const descends = (pid: number): boolean => {
    for (let entry = table.get(pid), hops = 0; entry && hops < 32; entry = table.get(entry.parent), hops += 1) if (entry.parent === root) return true;
    return false;
  };
  const totals: CpuByType = new Map();
  for (const [pid, entry] of table) if (pid !== root && descends(pid)) totals.set(entry.type, (totals.get(entry.type) ?? 0) + entry.cpuMs);
  return totals;
}

/** What was spent between two readings, by type (processes started in between count from zero). */
export function cpuSince(before: CpuByType, after: CpuByType): CpuByType {
  const spent: CpuByType = new Map();
  for (const [type, ms] of after) spent.set(type, Math.max(0, ms - (before.get(type) ?? 0)));
  return spent;
}

export const totalCpu = (spent: CpuByType): number => [...spent.values()].reduce((sum, ms) => sum + ms, 0);
