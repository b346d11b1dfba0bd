// Markdown → plain text: the markup characters go, the words and line structure stay.
// Articles saved as Markdown use little of it (headings, emphasis, links, images, lists).
//
// Every pattern here must stay linear on hostile text: a bracket that never closes would
// otherwise send `[^\]]*` scanning to the end of the file from each opening (100 KB of "![" took
// 9 s). A link's text and address stop at the next bracket or line end, so the scans from two
// openings never overlap; nested brackets in a link's text were never handled anyway.
const IMAGE = /!\[([^[\]\n]*)\]\([^)[\]\n]*\)/g;
const LINK = /\[([^[\]\n]*)\]\([^)[\]\n]*\)/g;

export function markdownToText(md: string): string {
  return md
    .replace(/^```[\s\S]*?^```/gm, "")
    .replace(IMAGE, "$1")
    .replace(LINK, "$1")
    .replace(/^\s{0,3}#{1,6}\s+/gm, "")
    .replace(/^\s{0,3}>\s?/gm, "")
    .replace(/^\s*[-*+]\s+/gm, "• ")
    .replace(/(\*\*|__)(.*?)\1/g, "$2")
    .replace(/(^|\W)[*_]([^*_\n]+)[*_](?=\W|$)/g, "$1$2")
    .replace(/^\s*(?:-{3,}|\*{3,})\s*$/gm, "");
}
