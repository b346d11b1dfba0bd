// Countries and known organisations, found by name from the lexicon. A country's name
// inside a longer name (a sea, a region, a ministry, a person's name) is not that country.
import { isCapitalized } from "../text/tokens.ts";
import { lowerAt, type SentenceView } from "./context.ts";
import type { Lexicon, OrganizationEntry } from "./lexicon.ts";
import type { PhraseMatch } from "./phrase-matcher.ts";
import type { CountryMention, OrganizationMention } from "./types.ts";

export function recognizeKnownNames(view: SentenceView, lexicon: Lexicon): Array<CountryMention | OrganizationMention> {
  const { tokens, sentence } = view;
  const found: Array<CountryMention | OrganizationMention> = [];
  for (let i = 0; i < tokens.length; ) {
    // 1. a longer name that merely contains a country's name ("Biển Đông", "Lào Cai") hides it
    const other = lexicon.notCountryMatcher.matchAt(tokens, i);
    const shaped = bodyByShape(view, i, lexicon);
    const known = lexicon.organizationMatcher.matchAt(tokens, i);
    // a listed body gives way to a longer one of the same shape ("Ban Thư ký ASEAN Quốc gia 2020")
    const org = shaped && shaped.length > (known?.length ?? 0) ? shaped : known;
    const country = lexicon.countryMatcher.matchAt(tokens, i);
    if (other && other.length >= Math.max(org?.length ?? 0, country?.length ?? 0)) {
      i += other.length;
      continue;
    }
    if (org && org.length >= (country?.length ?? 0)) {
      // "Bộ trưởng Bộ Y tế các nước": the ministries of the states, not one state's ministry the lexicon knows
      if (org.value.country && org !== shaped && lowerAt(tokens, i + org.length) === "các" && lowerAt(tokens, i + org.length + 1) === "nước") {
        i += org.length;
        continue;
      }
      const first = tokens[i]!;
      const last = tokens[i + org.length - 1]!;
      const mention: OrganizationMention = {
        kind: "Organization",
        start: first.start,
        end: last.end,
        sentence: sentence.index,
        name: sentence.text.slice(first.start - sentence.start, last.end - sentence.start),
        aliases: [],
      };
      if (org !== shaped) mention.canonical = org.value.name;
      if (org.value.country) mention.countryIso = org.value.country;
      i += org.length;
      // "Bộ Ngoại giao Nga": a national body named with another state is that state's body
      const owner = org.value.country ? lexicon.countryMatcher.matchAt(tokens, i) : null;
      if (owner && owner.value.iso !== org.value.country) {
        const ownerLast = tokens[i + owner.length - 1]!;
        mention.end = ownerLast.end;
        mention.name = sentence.text.slice(first.start - sentence.start, ownerLast.end - sentence.start);
        mention.countryIso = owner.value.iso;
        delete mention.canonical;
        i += owner.length;
      }
      found.push(mention);
      continue;
    }
    if (country && !insideLongerName(view, i, country.length, lexicon)) {
      const first = tokens[i]!;
      const last = tokens[i + country.length - 1]!;
      found.push({
        kind: "Country",
        start: first.start,
        end: last.end,
        sentence: sentence.index,
        name: country.value.name,
        aliases: [],
        iso: country.value.iso,
      });
      i += country.length;
      continue;
    }
    i += country?.length ?? 1;
  }
  return found;
}

const REMIT_MAX = 8;
/** Words that end a body's remit: what follows them is no longer its name ("Ban lãnh đạo các nước ASEAN"). */
const REMIT_BREAKS = new Set(["của", "các", "những", "tại", "với", "cho", "là", "đã", "sẽ", "được", "trong"]);

/**
 * A body not listed, named by its shape at token i: "Ủy ban Quốc gia ASEAN 2020", "Hội đồng Tư vấn
 * kinh doanh ASEAN" — a head word, up to eight words of its remit (capitalised, or lower-case
 * words of a name such as "kinh doanh"), an anchor (a grouping of states: "ASEAN", "Mekong - Lan Thương"), then perhaps "Quốc gia" and a year.
 */
function bodyByShape(view: SentenceView, i: number, lexicon: Lexicon): PhraseMatch<OrganizationEntry> | null {
  const { tokens } = view;
  const head = lexicon.bodyShape.heads.matchAt(tokens, i);
  // a document's head word ("Mạng lưới", "Quỹ" in documents.json) makes it a document's name
  if (!head || lexicon.documentHeadMatcher.matchAt(tokens, i)) return null;
  // "Hội nghị Hội đồng Điều phối ASEAN", "Mạng lưới Trung tâm … ASEAN": a body inside a meeting's or a document's name is theirs
  for (const back of [1, 2]) {
    if (lexicon.meetingHeadMatcher.matchAt(tokens, i - back) || lexicon.documentHeadMatcher.matchAt(tokens, i - back)) return null;
  }
  let j = i + head.length;
  let anchor = -1;
  let anchorLength = 0;
  for (let words = 0; j < tokens.length && words <= REMIT_MAX; j++, words++) {
    const token = tokens[j]!;
    const closing = lexicon.bodyShape.anchors.matchAt(tokens, j);
    if (closing) {
      anchor = j;
      anchorLength = closing.length;
      break;
    }
    if (!token.word) return null;
    if (REMIT_BREAKS.has(token.lower)) return null;
    // another named thing inside the remit ends the shape: a state, a meeting, a title; another
    // body's head starts the name there ("các Tiểu ban Ủy ban Quốc gia ASEAN 2020", "Tiểu ban và Ban Thư ký …")
    if (lexicon.countryMatcher.matchAt(tokens, j) || lexicon.meetingHeadMatcher.matchAt(tokens, j) || lexicon.titleMatcher.matchAt(tokens, j) ||
      lexicon.bodyShape.heads.matchAt(tokens, j)) return null;
  }
  if (anchor < 0) return null;
  let end = anchor + anchorLength;
  const scope = lexicon.bodyShape.scopes.matchAt(tokens, end);
  if (scope) end += scope.length;
  if (/^(?:19|20)\d{2}$/.test(tokens[end]?.text ?? "")) end++;
  // without a scope or a year, a remit of one lower-case word is a phrase, not a name, and a head
  // right before the anchor is the anchor's organ or the start of a longer name ("Trung tâm ASEAN về …")
  const remit = tokens.slice(i + head.length, anchor);
  if (!remit.some((t) => isCapitalized(t.text)) && remit.length < 2 && end === anchor + anchorLength) return null;
  const name = tokens.slice(i, end).map((t) => t.text).join(" ");
  return { value: { name, aliases: [] }, length: end - i };
}

/** "biển Nhật Bản", "vịnh Thái Lan"; and a one-syllable name after a capitalised word ("Minh Đức"). */
function insideLongerName(view: SentenceView, i: number, length: number, lexicon: Lexicon): boolean {
  const previous = view.tokens[i - 1];
  if (!previous) return false;
  const before = previous.text.toLowerCase();
  const twoBefore = `${view.tokens[i - 2]?.text.toLowerCase() ?? ""} ${before}`;
  if (lexicon.containerWords.has(before) || lexicon.containerWords.has(twoBefore)) return true;
  const oneSyllable = length === 1 && !view.tokens[i]!.text.includes("-");
  return oneSyllable && previous.word && isCapitalized(previous.text) && lexicon.titleMatcher.matchAt(view.tokens, i - 1) === null;
}
