// Markdown → plain text: the markup characters go, the words and line structure stay.
// Articles saved as Markdown use little of it (headings, emphasis, links, images, lists).

export function markdownToText(md: string): string {
  return md
    .replace(/^```[\s\S]*?^```/gm, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}#{1,6}\s+/gm, "")
    .replace(/^\s{0,3}>\s?/gm, "")
    .replace(/^\s*[-*+]\s+/gm, "• ")
    .replace(/(\*\*|__)(.*?)\1/g, "$2")
    .replace(/(^|\W)[*_]([^*_\n]+)[*_](?=\W|$)/g, "$1$2")
    .replace(/^\s*(?:-{3,}|\*{3,})\s*$/gm, "");
}
