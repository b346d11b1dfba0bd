// Values and names written into Cypher text, for the exported script (the loader sends
// parameters instead). The one place that escapes: every string and identifier goes through here.

/** Escapes Cypher understands inside a string literal; other control characters go as \uXXXX. */
const STRING_ESCAPES: Record<string, string> = { "\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

/** A single-quoted Cypher string literal of any text (quotes, backslashes, newlines, emoji, Vietnamese). */
export function cypherString(text: string): string {
  // U+2028/2029 are line breaks to some readers of the script; escaping them keeps one statement per line.
  const escaped = text.replace(/[\\'\p{Cc}\u2028\u2029]/gu, (c) => STRING_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `'${escaped}'`;
}

/** A backtick-quoted identifier (label, relationship type, property name): backticks doubled. */
export function cypherIdentifier(name: string): string {
  if (name.length === 0) throw new RangeError("cypher: an identifier cannot be empty");
  return `\`${name.replaceAll("`", "``")}\``;
}

/** A number as an integer literal or, when `asFloat`, a float literal (1 → 1.0, 1e+21 → 1e21). */
export function cypherNumber(value: number, asFloat: boolean): string {
  if (!Number.isFinite(value)) throw new RangeError(`cypher: ${value} has no Cypher literal`);
  const text = String(value).replace("e+", "e");
  if (!asFloat) return text;
  return /[.e]/.test(text) ? text : `${text}.0`;
}

export type CypherLiteral = string | number | boolean | CypherLiteral[] | { [name: string]: CypherLiteral };

/** Any value as a literal; `floats` names the map keys whose numbers are floats (at any depth). */
export function cypherValue(value: CypherLiteral, floats: ReadonlySet<string> = new Set(), asFloat = false): string {
  if (typeof value === "string") return cypherString(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return cypherNumber(value, asFloat);
  if (Array.isArray(value)) return `[${value.map((item) => cypherValue(item, floats, asFloat)).join(", ")}]`;
  const entries = Object.entries(value).map(([name, item]) => `${cypherIdentifier(name)}: ${cypherValue(item, floats, floats.has(name))}`);
  return `{${entries.join(", ")}}`;
}
