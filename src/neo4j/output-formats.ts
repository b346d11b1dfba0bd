// The output formats of `diplograph query`, apart from their writers (format.ts loads the
// driver's value helpers), so that the command can list them in its help without loading them.
export const FORMATS = ["table", "json", "csv"] as const;
export type OutputFormat = (typeof FORMATS)[number];
