// Answer-key scoring: the public surface used by `diplograph eval` and the tests.
export { scoreGraph } from "./score.ts";
export { formatReport } from "./report.ts";
export { loadGold, loadGraph } from "./load.ts";
export { ArticlesFolderError, GoldFileError, GraphFileError } from "./errors.ts";
export type { EvalReport, GoldKey } from "./types.ts";
