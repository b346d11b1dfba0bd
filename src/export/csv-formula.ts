// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (and some strip a
// leading tab or carriage return first): `=HYPERLINK(…)`, `+cmd|' /C calc'!A0`, `@SUM(…)`,
// `-2+3` in an article would become live in whoever opens the export (CSV injection). OWASP's
// remedy: a leading single quote, which spreadsheets read as "this is text".

/** A cell a spreadsheet would evaluate; leading quotes included so that the guard can be undone exactly. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * `'` + text when the text (after any quotes it already starts with) opens with a formula
 * character; other text as it is. Adding the quote also to `'=x` keeps the mapping one to one:
 * `unguardFormula` gives the exact original back.
 */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of guardFormula, for readers that want the data as it was. */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
