// A strict XML 1.0 well-formedness check for the tests. @xmldom/xmldom 0.8 parses structure
// but lets through characters XML 1.0 forbids (raw or as `&#1;`), which Gephi, yEd and libxml2
// reject; so the text is first held to the `Char` production, then parsed with an error
// handler that throws on every warning and error.
import { DOMParser } from "@xmldom/xmldom";

// eslint-disable-next-line no-control-regex -- the forbidden controls are what it looks for
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\p{Cs}]/u;

function allowed(codePoint: number): boolean {
  return (
    codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

export function parseStrictXml(text: string): Document {
  const raw = FORBIDDEN.exec(text);
  if (raw) throw new Error(`not XML 1.0: U+${raw[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} at offset ${raw.index}`);
  for (const match of text.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const body = match[1]!;
    const codePoint = body.startsWith("x") ? parseInt(body.slice(1), 16) : Number(body);
    if (!allowed(codePoint)) throw new Error(`not XML 1.0: character reference ${match[0]} at offset ${match.index}`);
  }
  const fail = (level: string) => (message: string) => {
    throw new Error(`XML ${level}: ${message}`);
  };
  return new DOMParser({ errorHandler: { warning: fail("warning"), error: fail("error"), fatalError: fail("fatal error") } }).parseFromString(text, "text/xml");
}
