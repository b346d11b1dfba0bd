// A page's text → the articles on it: title, date and publisher read from the header,
// the body kept, page furniture dropped. A page that carries several articles (each with
// its own title and dateline) is split apart.
import { unwrapLines } from "./unwrap.ts";
import {
  classifyLine,
  type LineKind,
  datelineDate,
  followUsPublisher,
  looksLikeByline,
  splitLeadPublisher,
} from "./furniture.ts";
import { dropCaptions, markBareCaptions } from "./captions.ts";
import { leadDate, readCrawlPrefix } from "./crawl-date.ts";

export interface PageArticle {
  title: string;
  published: string | null;
  publisher: string | null;
  body: string;
  /** "YYYY-MM": the month a search index crawled the page (its " date 2024-10 " prefix); bounds the year of undated days. */
  crawled?: string;
}

export interface PageHints {
  title?: string;
  published?: string | null;
  publisher?: string | null;
}

interface Draft {
  title: string | null;
  published: string | null;
  publisher: string | null;
  body: string[];
  /** The body has reached its end (a source line); later text lines are not its. */
  closed: boolean;
  /** A menu came after the title: that "title" was the site's name, and a heading after the menu is the article's. */
  menuAfterTitle: boolean;
}

const newDraft = (): Draft => ({ title: null, published: null, publisher: null, body: [], closed: false, menuAfterTitle: false });

/** A heading line: short, no closing punctuation. Used to spot the title of a following article. */
const looksLikeTitle = (line: string) => line.length >= 15 && line.length <= 250 && !/[.!?…:;]$/u.test(line);

const wordCount = (line: string) => line.split(/\s+/u).filter(Boolean).length;

/** A menu entry: a few words, no sentence punctuation ("Thế giới", "Tài chính - Ngân hàng"). */
const looksLikeMenuEntry = (line: string) => line.length <= 40 && wordCount(line) <= 6 && !/[.!?…:;,"”»)]$/u.test(line);
/** A whole menu on one line: "Trang chủ | Thời sự | Kinh tế", "• Thời sự · Ngoại giao · Thế giới", "Thời sự  Thế giới  Pháp luật", "Quốc tế › ASEAN". */
const MENU_LINE = /^(?:[^|·•]{1,30}[|·•]\s*){3,}|^(?:\S+(?: \S+){0,3} {2,}){3,}|^[^.!?]{1,40}\s[›»>]\s[^.!?]{1,40}$/u;
/** A menu on one line is short; longer lines are paragraphs, not worth the pattern's time. */
const MENU_LINE_MAX = 300;
/** Site navigation comes as three or more menu entries in a row. */
const MENU_RUN = 3;

/**
 * Marks navigation as furniture: runs of menu entries and one-line menus. Run before the
 * split, so that a site's header does not pass for an article or for an article's body.
 */
function markMenus(lines: string[], kinds: LineKind[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] === "text" && lines[i]!.length <= MENU_LINE_MAX && MENU_LINE.test(lines[i]!.replace(/^[•·*-]\s*/u, ""))) kinds[i] = "menu";
  }
  // a run of menu entries; blank lines and other furniture between them ("Video", the date, the
  // hotline) do not end it, and a section label just after the menu ("Chính trị") joins it
  let entries: number[] = [];
  let menuSeen = false;
  const closeRun = () => {
    if (entries.length >= MENU_RUN || (menuSeen && entries.length > 0)) for (const k of entries) kinds[k] = "menu";
    entries = [];
    menuSeen = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const kind = kinds[i]!;
    if (kind === "text" && looksLikeMenuEntry(lines[i]!)) entries.push(i);
    else if (kind === "menu") menuSeen = true;
    else if (!TRANSPARENT.has(kind)) {
      closeRun();
      continue;
    }
    if (entries.length >= MENU_RUN) menuSeen = true;
  }
  closeRun();
}

/** Furniture that may stand between the entries of a site's menu. */
const TRANSPARENT = new Set<LineKind>(["blank", "player", "hotline", "dateline", "follow", "menu"]);

/** A paragraph of running text, which every article has and a site header does not. */
const isProse = (line: string) => {
  const words = wordCount(line);
  // a sentence ends in it: a site's tagline ("Cơ quan Trung ương của Đảng … Nhân dân Việt Nam") is long but has none
  return words >= 6 && /[.!?…"”»)](?:\s|$)/u.test(line);
};
/** A teaser is a title or a line of summary; a paragraph this long after a related-articles block is the report going on. */
const RESUMING_WORDS = 30;
/**
 * Running text where a title was expected: a lead paragraph, never a title. Several sentences on
 * one line (some pages glue them: "Nhật Bản.Phát biểu"), or one long sentence closed by its stop —
 * a page that opens on a photo caption has its lead next, and no title at all.
 */
const isLead = (line: string) => {
  const words = wordCount(line);
  return (words >= 40 && /[.!?…]\s*\p{Lu}/u.test(line)) || (words >= LEAD_MIN_WORDS && /[.!?…]["”»]?$/u.test(line));
};
/** Titles of Vietnamese reports run to about twenty words and end without a stop. */
const LEAD_MIN_WORDS = 22;
/** The first sentence of a paragraph, for a title, at most 250 characters. */
const firstSentence = (line: string) => (/^.{15,250}?[.!?…](?=\s+\p{Lu})/u.exec(line)?.[0] ?? line.slice(0, 250)).replace(/[.!?…]$/u, "");
const hasProse = (draft: Draft) => draft.body.some(isProse);

export function splitPage(page: string, hints: PageHints = {}): PageArticle[] {
  // a search index's crawl date before the text: a day is a publication date, a month a bound on years (crawl-date.ts)
  const crawl = readCrawlPrefix(page);
  const text = crawl.rest;
  const lines = unwrapLines(text.split(/\r?\n/).map((l) => l.trim()));
  // each line is classified once; the look-ahead for a following article's dateline reads these
  const kinds: LineKind[] = lines.map(classifyLine);
  markMenus(lines, kinds);
  markBareCaptions(lines, kinds);
  // the page's metadata names its title (an HTML page's og:title): what stands before that line is the site's header
  const titleAt = hints.title ? lines.indexOf(hints.title) : -1;
  for (let i = 0; i < titleAt; i++) if (kinds[i] !== "dateline") kinds[i] = "menu";
  const drafts: Draft[] = [];
  let draft = newDraft();
  let cutOff = false;
  // a block of related articles suspends the body; a paragraph of running text after it resumes it
  let inRelated = false;

  const nextNonBlank = (from: number): number => {
    let i = from;
    while (i < lines.length && kinds[i] === "blank") i++;
    return i;
  };
  const startsArticle = (i: number) => {
    const j = nextNonBlank(i + 1);
    return j < lines.length && kinds[j] === "dateline" && looksLikeTitle(lines[i]!);
  };
  /** "Thứ Ba, 14-12-2027, 22:05" then the title, then the text: a dateline written before the title. */
  const titleAfterDate = (i: number): number => {
    const j = nextNonBlank(i + 1);
    const k = nextNonBlank(j + 1);
    return j < lines.length && kinds[j] === "text" && looksLikeTitle(lines[j]!) && k < lines.length && kinds[k] === "text" && isProse(lines[k]!) ? j : -1;
  };
  const finish = () => {
    if (draft.title !== null || draft.body.length > 0) drafts.push(draft);
    draft = newDraft();
    cutOff = false;
    inRelated = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const kind = kinds[i]!;
    // 1. a title followed by a dateline, after an article (or a site's header) has begun, opens the next article
    if (kind === "text" && (draft.body.length > 0 || draft.title !== null) && startsArticle(i)) {
      finish();
      draft.title = line;
      continue;
    }
    // (a teaser's summary follows its title at once; the report resumes after a blank line)
    if (inRelated && kind === "text" && kinds[i - 1] === "blank" && wordCount(line) >= RESUMING_WORDS && isProse(line)) inRelated = false;
    if (cutOff || inRelated) continue;
    switch (kind) {
      case "menu":
        if (draft.title !== null && draft.body.length === 0) draft.menuAfterTitle = true;
        continue;
      case "blank":
      case "teaser":
      case "player":
      case "hotline":
      case "photo":
        continue;
      case "related":
        inRelated = draft.body.length > 0 || draft.title !== null;
        continue;
      case "cutoff":
        cutOff = draft.body.length > 0 || draft.title !== null;
        continue;
      case "follow":
        draft.publisher ??= followUsPublisher(line);
        continue;
      case "dateline": {
        // a dateline before a title, after a site's header: the article starts here
        // (not when the title was just read: "Title / dateline / byline" is the usual order)
        const titledJustBefore = draft.title !== null && draft.body.length === 0 && !draft.menuAfterTitle;
        const title = draft.title !== null && !titledJustBefore && !hasProse(draft) ? titleAfterDate(i) : -1;
        if (title >= 0) {
          finish();
          draft.published = datelineDate(line);
          draft.title = lines[title]!;
          i = title;
          continue;
        }
        // the dateline follows the title, perhaps after a byline ("Hoài Nam"), before the running text
        if (!hasProse(draft)) draft.published ??= datelineDate(line);
        continue;
      }
      case "source":
        if (draft.body.length > 0) {
          draft.body.push(line);
          draft.closed = true;
          cutOff = true;
          continue;
        }
        break;
      case "text":
        break;
    }
    // 2. text: the title if there is none yet, else a paragraph of the body; a page that opens on
    //    running text (an excerpt that starts at the lead, all on one line) has its first sentence for a title
    if (draft.title === null && isLead(line)) draft.title = firstSentence(line);
    else if (draft.title === null || (draft.menuAfterTitle && draft.body.length === 0 && looksLikeTitle(line) && !isProse(line))) {
      draft.title = line;
      draft.menuAfterTitle = false;
      continue;
    }
    let paragraph = line;
    // the publisher's tag opens the lead, the first paragraph of running text, whatever furniture the page let through before it
    if (!hasProse(draft)) {
      const lead = splitLeadPublisher(paragraph);
      draft.publisher ??= lead.publisher;
      paragraph = lead.rest;
    }
    paragraph = dropCaptions(paragraph);
    if (paragraph) draft.body.push(paragraph);
  }
  finish();

  // 3. what has no running text is a site's header, not an article; its date and name are the page's
  const articles = drafts.some(hasProse) ? drafts.filter(hasProse) : drafts;
  const header = drafts.slice(0, Math.max(0, drafts.indexOf(articles[0]!)));
  const pageDate = header.find((d) => d.published)?.published ?? null;
  const pagePublisher = header.find((d) => d.publisher)?.publisher ?? null;

  return articles
    .map((d, n) => {
      // 4. a byline closes the body ("Minh Đức", "BNG"): drop it from the tail
      while (d.body.length > 1 && !d.closed && looksLikeByline(d.body[d.body.length - 1]!)) d.body.pop();
      // … or stands between the title and the lead ("Minh Quân", then the first paragraph)
      while (d.body.length > 1 && looksLikeByline(d.body[0]!) && !isProse(d.body[0]!)) d.body.shift();
      const first = n === 0;
      const published = d.published ?? (first ? hints.published ?? pageDate ?? crawl.day : null);
      const article: PageArticle = {
        title: d.title ?? (first ? hints.title : undefined) ?? "",
        // "Sáng nay (15/11)" in the lead of a page crawled in a known month
        published: published ?? (crawl.month && d.body[0] ? leadDate(d.body[0], crawl.month) : null),
        publisher: d.publisher ?? hints.publisher ?? pagePublisher,
        body: d.body.join("\n\n"),
      };
      if (crawl.month) article.crawled = crawl.month;
      return article;
    })
    .filter((a) => a.body.length > 0);
}
