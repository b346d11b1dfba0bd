// Countries and known organisations, found by name from the lexicon. A country's name
// inside a longer name (a sea, a region, a ministry, a person's name) is not that country.
import { isCapitalized } from "../text/tokens.ts";
import type { SentenceView } from "./context.ts";
import type { Lexicon } from "./lexicon.ts";
import type { CountryMention, OrganizationMention } from "./types.ts";

export function recognizeKnownNames(view: SentenceView, lexicon: Lexicon): Array<CountryMention | OrganizationMention> {
  const { tokens, sentence } = view;
  const found: Array<CountryMention | OrganizationMention> = [];
  for (let i = 0; i < tokens.length; ) {
    // 1. a longer name that merely contains a country's name ("Biển Đông", "Lào Cai") hides it
    const other = lexicon.notCountryMatcher.matchAt(tokens, i);
    const org = lexicon.organizationMatcher.matchAt(tokens, i);
    const country = lexicon.countryMatcher.matchAt(tokens, i);
    if (other && other.length >= Math.max(org?.length ?? 0, country?.length ?? 0)) {
      i += other.length;
      continue;
    }
    if (org && org.length >= (country?.length ?? 0)) {
      const first = tokens[i]!;
      const last = tokens[i + org.length - 1]!;
      const mention: OrganizationMention = {
        kind: "Organization",
        start: first.start,
        end: last.end,
        sentence: sentence.index,
        name: sentence.text.slice(first.start - sentence.start, last.end - sentence.start),
        aliases: [],
        canonical: org.value.name,
      };
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
