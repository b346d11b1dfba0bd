// A page's text → the articles on it: title, date and publisher read from the header,
// the body kept, page furniture dropped. A page that carries several articles (each with
// its own title and dateline) is split apart.
import {
  classifyLine,
  type LineKind,
  datelineDate,
  followUsPublisher,
  looksLikeByline,
  splitLeadPublisher,
  stripPhotoCredit,
} from "./furniture.ts";

export interface PageArticle {
  title: string;
  published: string | null;
  publisher: string | null;
  body: string;
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
}

const newDraft = (): Draft => ({ title: null, published: null, publisher: null, body: [], closed: false });

/** A heading line: short, no closing punctuation. Used to spot the title of a following article. */
const looksLikeTitle = (line: string) => line.length >= 15 && line.length <= 250 && !/[.!?…:;]$/u.test(line);

export function splitPage(text: string, hints: PageHints = {}): PageArticle[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  // each line is classified once; the look-ahead for a following article's dateline reads these
  const kinds: LineKind[] = lines.map(classifyLine);
  const drafts: Draft[] = [];
  let draft = newDraft();
  let cutOff = false;

  const nextNonBlank = (from: number): number => {
    let i = from;
    while (i < lines.length && kinds[i] === "blank") i++;
    return i;
  };
  const startsArticle = (i: number) => {
    const j = nextNonBlank(i + 1);
    return j < lines.length && kinds[j] === "dateline" && looksLikeTitle(lines[i]!);
  };
  const finish = () => {
    if (draft.title !== null || draft.body.length > 0) drafts.push(draft);
    draft = newDraft();
    cutOff = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const kind = kinds[i]!;
    // 1. a title followed by a dateline, after an article has begun, opens the next article
    if (kind === "text" && draft.body.length > 0 && startsArticle(i)) {
      finish();
      draft.title = line;
      continue;
    }
    if (cutOff) continue;
    switch (kind) {
      case "blank":
      case "player":
      case "hotline":
      case "photo":
        continue;
      case "cutoff":
        cutOff = draft.body.length > 0 || draft.title !== null;
        continue;
      case "follow":
        draft.publisher ??= followUsPublisher(line);
        continue;
      case "dateline":
        if (draft.body.length === 0) draft.published ??= datelineDate(line);
        continue;
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
    // 2. text: the title if there is none yet, else a paragraph of the body
    if (draft.title === null) {
      draft.title = line;
      continue;
    }
    let paragraph = line;
    if (draft.body.length === 0) {
      const lead = splitLeadPublisher(paragraph);
      draft.publisher ??= lead.publisher;
      paragraph = lead.rest;
    }
    paragraph = stripPhotoCredit(paragraph);
    if (paragraph) draft.body.push(paragraph);
  }
  finish();

  return drafts
    .map((d, n) => {
      // 3. a byline closes the body ("Minh Đức", "BNG"): drop it from the tail
      while (d.body.length > 1 && !d.closed && looksLikeByline(d.body[d.body.length - 1]!)) d.body.pop();
      const first = n === 0;
      return {
        title: d.title ?? (first ? hints.title : undefined) ?? "",
        published: d.published ?? (first ? hints.published ?? null : null),
        publisher: d.publisher ?? hints.publisher ?? null,
        body: d.body.join("\n\n"),
      };
    })
    .filter((a) => a.body.length > 0);
}
