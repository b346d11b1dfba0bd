// One file → its articles: decode, convert HTML or Markdown to text, normalise, split the page.
import { createHash } from "node:crypto";
import { basename, extname } from "node:path";
import { normalizeVietnamese } from "../text/normalize.ts";
import { decodeText } from "./decode.ts";
import { UnreadableFileError } from "./errors.ts";
import { datelineDate } from "./furniture.ts";
import { htmlToText } from "./html.ts";
import { markdownToText } from "./markdown.ts";
import { splitPage, type PageHints } from "./page.ts";
import type { Article } from "./types.ts";

export const ARTICLE_EXTENSIONS = [".txt", ".html", ".htm", ".md"] as const;

export function articleId(file: string): string {
  return basename(file, extname(file));
}

/** Reads the articles of one file's bytes; throws UnreadableFileError with the reason. */
export function readArticles(file: string, bytes: Uint8Array): Article[] {
  const { text } = decodeText(bytes);
  const ext = extname(file).toLowerCase();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const pages: Array<{ text: string; hints: PageHints }> = [];
  if (ext === ".html" || ext === ".htm") {
    const html = htmlToText(text);
    const hints: PageHints = {
      published: html.published ? datelineDate(html.published) : null,
      publisher: html.publisher ?? null,
    };
    if (html.title) hints.title = normalizeVietnamese(html.title);
    const parts = html.articles.length > 1 ? html.articles : [html.text];
    for (const part of parts) pages.push({ text: part, hints });
  } else {
    pages.push({ text: ext === ".md" ? markdownToText(text) : text, hints: {} });
  }
  const found = pages.flatMap((p) => splitPage(normalizeVietnamese(p.text.replace(/^\uFEFF/, "")), p.hints));
  if (found.length === 0) throw new UnreadableFileError("no article text found");
  const id = articleId(file);
  return found.map((a, i) => ({ id: i === 0 ? id : `${id}#${i + 1}`, file, sha256, ...a }));
}
