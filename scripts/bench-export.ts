// Export benchmark: selection (whole graph, ego network, dates), name resolution, and every
// format on seeded synthetic graphs (scripts/bench-load.ts), with throughput and sizes.
// `npm run bench:export` runs it alone (options: --sizes 10000,50000); scripts/bench.ts can call benchExport().
import { MultiDirectedGraph } from "graphology";
import { formatCsv, formatCypher, formatGexf, formatGraphml, formatJson, NameIndex, selectSubgraph } from "../src/export/index.ts";
import type { KnowledgeGraph } from "../src/graph/types.ts";
import { syntheticGraph } from "./bench-load.ts";

export interface ExportFigure {
  relationships: number;
  step: string;
  milliseconds: number;
  megabytes?: number;
}

function time<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
}

export async function benchExport(sizes = [10_000, 50_000], log = (line: string) => console.log(line)): Promise<ExportFigure[]> {
  const figures: ExportFigure[] = [];
  for (const relationships of sizes) {
    const graph = MultiDirectedGraph.from(syntheticGraph({ relationships })) as KnowledgeGraph;
    log(`synthetic graph: ${graph.order} nodes, ${graph.size} relationships`);
    const record = (step: string, milliseconds: number, text?: string) => {
      const megabytes = text === undefined ? undefined : Buffer.byteLength(text) / 1e6;
      figures.push({ relationships, step, milliseconds, megabytes });
      const size = megabytes === undefined ? "" : `  ${megabytes.toFixed(1)} MB`;
      log(`  ${step.padEnd(34)} ${milliseconds.toFixed(0).padStart(7)} ms${size}`);
    };
    const [whole, selectMs] = time(() => selectSubgraph(graph));
    record(`select all (+${whole.size - graph.size} MENTIONED_IN)`, selectMs);
    const [index, indexMs] = time(() => new NameIndex(graph));
    record("name index", indexMs);
    const [, resolveMs] = time(() => index.resolve("nguyen van 77"));
    record("resolve one name", resolveMs);
    const [, searchMs] = time(() => index.search("hoi nghi bo truong", 10));
    record("search (10 suggestions)", searchMs);
    const [ego, egoMs] = time(() => selectSubgraph(graph, { around: { name: "Quốc gia 7", depth: 2 }, kinds: ["Country", "Official", "Meeting", "Document"] }));
    record(`around depth 2 (${ego.order} nodes)`, egoMs);
    const [, datesMs] = time(() => selectSubgraph(graph, { from: "2015", to: "2016" }));
    record("meetings 2015–2016", datesMs);
    let jsonMs = 0;
    for (const [name, format] of [
      ["json", formatJson],
      ["gexf", formatGexf],
      ["graphml", formatGraphml],
      ["cypher", formatCypher],
      ["csv", (g: KnowledgeGraph) => Object.values(formatCsv(g)).join("")],
    ] as const) {
      const [text, ms] = time(() => format(whole));
      if (name === "json") jsonMs = ms;
      record(`${name} (${(whole.size / (ms / 1000) / 1000).toFixed(0)}k rel/s, ${(ms / jsonMs).toFixed(1)}× json)`, ms, text);
    }
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf("--sizes");
  const sizes = at > 0 ? (process.argv[at + 1] ?? "").split(",").map(Number) : undefined;
  await benchExport(sizes);
}
