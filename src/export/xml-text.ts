// XML 1.0 cannot hold every character a JavaScript string can: C0 controls other than tab,
// newline and carriage return, U+FFFE, U+FFFF and lone surrogates make a file that strict
// parsers (Gephi's, yEd's, libxml2's) reject outright, and no escape helps (`&#1;` is
// forbidden too). Articles can carry them (a stray form feed, a broken UTF-16 conversion).

/** The characters XML 1.0's `Char` production leaves out. With `u`, a lone surrogate is one \p{Cs} code point; a pair is not. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\p{Cs}]/gu;

/**
 * `text` with every character XML 1.0 forbids replaced by U+FFFD: one UTF-16 unit for one, so
 * the evidence offsets (`start`, `end`) still point at the same words of the article body.
 */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML_CHAR, "\uFFFD");
}
