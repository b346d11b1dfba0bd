// A series named bare in a report of one numbered meeting of it means that meeting: an article on
// "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 55 (AMM-55)" that later writes "Hội nghị Bộ trưởng
// Ngoại giao ASEAN" or "Hội nghị AMM" speaks of the 55th, not of the series. With two numbered
// meetings of the series in the article the bare name stays as written: it could be either. A
// meeting named by its year ("Diễn đàn Du lịch ASEAN 2017") is one numbered meeting of its series too.
import { canonicalName } from "../resolve/keys.ts";
import { meetingKeyName } from "../resolve/meeting-key.ts";
import { foldName } from "../text/fold.ts";
import type { Token } from "../text/tokens.ts";
import { isAcronymStart, wordStartMatches } from "../text/word-start-matches.ts";
import { groupBySentence, type SentenceView } from "./context.ts";
import { loadLexicon, type Lexicon } from "./lexicon.ts";
import type { MeetingMention, Mention, OrganizationMention } from "./types.ts";

const keyOf = (name: string) => meetingKeyName(foldName(name));

/** The ordinal, or the year that ends the name, telling this meeting from the others of its series. */
const editionOf = (m: MeetingMention): string | undefined => (m.ordinal !== undefined ? String(m.ordinal) : /(?<!\d)(\d{4})$/u.exec(keyOf(m.name))?.[1]);

/** The names of a numbered meeting's series: its key without the ordinal (or year), and "hội nghị" + its acronym. */
function seriesKeys(m: MeetingMention): string[] {
  const words = keyOf(m.name).split(" ");
  const at = words.lastIndexOf(editionOf(m) ?? "");
  const keys = at >= 0 ? [[...words.slice(0, at), ...words.slice(at + 1)].join(" ")] : [];
  if (m.acronym) keys.push(foldName(m.acronym), `hoi nghi ${foldName(m.acronym)}`);
  return keys;
}

/** Folded descriptor words of meetings.json ("quoc te", "mo rong"), loaded once. */
let descriptorWords: Set<string> | undefined;

/**
 * "Hội nghị cấp cao Ủy hội sông Mekong" in a report of the "… Ủy hội sông Mekong quốc tế lần thứ 4": a
 * bare name that the numbered one's series extends by descriptor words only (meetings.json descriptors)
 * means that series, when it is the only one so extended.
 */
function seriesWithDescriptors(bare: string, numbered: Map<string, MeetingMention[]>): MeetingMention[] | undefined {
  descriptorWords ??= new Set(loadLexicon().meetingDescriptorWords.flat().map((w) => foldName(w)));
  const words = descriptorWords;
  const found = [...numbered].filter(([key]) => key.startsWith(`${bare} `) && key.slice(bare.length + 1).split(" ").every((w) => words.has(w)));
  return found.length === 1 ? found[0]![1] : undefined;
}

/** Folded meeting heads after the key's rewrites ("hoi nghi", "hoi nghi cap cao", "cuoc hop"), loaded once. */
let headKeys: Set<string> | undefined;

/**
 * "Hội nghị AMEM 38", "Hội nghị EAS lần thứ 7", "hội nghị CLV 10": a head and the acronym with the
 * number a meeting of the article was given ("(AMEM) lần thứ 38", "(CLV 10)") mean that meeting.
 * Returns the meeting meant by each folded "head + acronym number".
 */
function byAcronymAndNumber(mentions: Mention[]): Map<string, MeetingMention> {
  headKeys ??= new Set(loadLexicon().meetingHeads.map((h) => keyOf(h)));
  const found = new Map<string, MeetingMention | null>();
  for (const m of mentions) {
    if (m.kind !== "Meeting" || m.backReference || m.ordinal === undefined) continue;
    for (const alias of m.aliases) {
      if (!/^\p{Lu}[\p{Lu}\d+&]*[ -]\d{1,3}$/u.test(alias)) continue;
      for (const head of headKeys) {
        const key = `${head} ${keyOf(alias.replace("-", " "))}`;
        // two meetings claiming one acronym and number: neither is meant
        const other = found.get(key);
        found.set(key, other === undefined || other?.name === m.name ? m : null);
      }
    }
  }
  return new Map([...found].filter((e): e is [string, MeetingMention] => e[1] !== null));
}

/** What a preparatory meeting prepares: the folded key of the name after "trù bị cho" / "chuẩn bị cho". */
function preparedKey(name: string): string | undefined {
  const preparatory = loadLexicon().meetingGrammar.preparatory.map((w) => w.join(" "));
  for (const word of preparatory) {
    const at = name.toLowerCase().indexOf(` ${word} cho `);
    if (at >= 0) return keyOf(name.slice(at + word.length + 6));
  }
  return undefined;
}

/**
 * "Hội nghị quan chức … trù bị cho Hội nghị X lần thứ 38", later "cuộc họp chuẩn bị cho Hội nghị X lần
 * thứ 38": in one article, two meetings that prepare the same one are one, named as first written.
 */
function onePreparation(mentions: Mention[]): Mention[] {
  const first = new Map<string, MeetingMention>();
  return mentions.map((m) => {
    if (m.kind !== "Meeting" || m.backReference) return m;
    const key = preparedKey(m.name);
    if (key === undefined) return m;
    const named = first.get(key);
    if (!named) {
      first.set(key, m);
      return m;
    }
    if (named.name === m.name) return m;
    const resolved: MeetingMention = { ...m, name: named.name, aliases: [...new Set([...m.aliases, m.name])] };
    if (named.ordinal !== undefined) resolved.ordinal = named.ordinal;
    return resolved;
  });
}

/**
 * "ARF có sự tham dự của …" in a report of the "Diễn đàn Khu vực ASEAN (ARF) lần thứ 24": a forum whose
 * own name is the series of the one numbered meeting of the article means that meeting. A body that
 * merely holds meetings under another name (ASEANAPOL, whose meeting is "Hội nghị Tư lệnh Cảnh sát …"),
 * or whose numbered sessions take its name (AIPA, "Đại hội đồng Liên nghị viện ASEAN"), stays the body.
 */
function forumAsMeeting(m: OrganizationMention, numbered: Map<string, MeetingMention[]>, bodyHeads: readonly string[]): MeetingMention | undefined {
  if (m.nested) return undefined;
  // "Đại hội đồng Liên nghị viện ASEAN" (AIPA) is a body whose sessions are numbered, not a forum
  const name = (m.canonical ?? m.name).toLowerCase();
  if (bodyHeads.some((h) => name.startsWith(h))) return undefined;
  const names = [m.canonical ?? m.name, m.name, ...m.aliases];
  const meant = names.map((n) => numbered.get(keyOf(n))).find((c) => c?.length === 1)?.[0];
  if (!meant || !names.some((n) => keyOf(n) === seriesKeys(meant)[0])) return undefined;
  const resolved: MeetingMention = { ...meant, start: m.start, end: m.end, sentence: m.sentence, aliases: [...new Set([...meant.aliases, m.name])] };
  delete resolved.nested;
  return resolved;
}

export function resolveSeriesNames(mentions: Mention[]): Mention[] {
  mentions = onePreparation(mentions);
  const byAcronym = byAcronymAndNumber(mentions);
  const renamed = byAcronym.size === 0 ? mentions : mentions.map((m) => {
    if (m.kind !== "Meeting" || m.backReference) return m;
    const meant = byAcronym.get(keyOf(m.name));
    if (!meant || meant.name === m.name) return m;
    const resolved: MeetingMention = { ...m, name: meant.name, aliases: [...new Set([...m.aliases, m.name])] };
    if (meant.ordinal !== undefined) resolved.ordinal = meant.ordinal;
    return resolved;
  });
  // series are read from the names as written ("hội nghị thượng đỉnh GMS lần thứ 6" is of the series
  // "hội nghị thượng đỉnh GMS"), each standing for the meeting it now names
  const numbered = new Map<string, MeetingMention[]>();
  mentions.forEach((written, i) => {
    const m = renamed[i]!;
    if (written.kind !== "Meeting" || m.kind !== "Meeting" || editionOf(written) === undefined || written.backReference) return;
    for (const key of seriesKeys(written)) {
      const list = numbered.get(key) ?? [];
      // one meeting spelled two ways ("Hội nghị Cấp cao (HNCC) ASEAN lần thứ 42", "Hội nghị cấp cao
      // ASEAN lần thứ 42") is one candidate, not two
      if (!list.some((o) => canonicalName("Meeting", o.name) === canonicalName("Meeting", m.name))) list.push(m);
      numbered.set(key, list);
    }
  });
  if (numbered.size === 0) return renamed;
  const bodyHeads = [...loadLexicon().meetingGrammar.headsNeedingOrdinal].map((h) => `${h} `);
  return renamed.map((m) => {
    if (m.kind === "Organization") return forumAsMeeting(m, numbered, bodyHeads) ?? m;
    if (m.kind !== "Meeting" || editionOf(m) !== undefined || m.backReference) return m;
    const candidates = numbered.get(keyOf(m.name)) ?? seriesWithDescriptors(keyOf(m.name), numbered);
    if (!candidates || candidates.length !== 1) return m;
    const meant = candidates[0]!;
    const resolved: MeetingMention = { ...m, name: meant.name, aliases: [...new Set([...m.aliases, m.name])] };
    if (meant.ordinal !== undefined) resolved.ordinal = meant.ordinal;
    return resolved;
  });
}

/** A series' acronym joined to a partner: "ATM+Trung" (one token) or "ATM" "+" "Trung"; the partner's first word, or null. */
function partnerStart(tokens: readonly Token[], k: number, acronym: string): { tokens: Token[]; glued: boolean } | null {
  const t = tokens[k]!;
  if (t.text === acronym && ["+", "-", "–"].includes(tokens[k + 1]?.text ?? "") && tokens[k + 2]?.word) {
    return { tokens: tokens.slice(k + 2, k + 8), glued: false };
  }
  const joined = t.text.length > acronym.length + 1 && t.text.startsWith(acronym) && ["+", "-"].includes(t.text[acronym.length]!);
  if (!joined) return null;
  const rest = t.text.slice(acronym.length + 1);
  if (!/^\p{Lu}\p{Ll}/u.test(rest)) return null;
  const first: Token = { ...t, text: rest, lower: rest.toLowerCase(), start: t.start + acronym.length + 1, firstOf: -1 };
  return { tokens: [first, ...tokens.slice(k + 1, k + 6)], glued: true };
}

/** "lần thứ 11" or "11" at token j: the ordinal and the token after it. */
function ordinalAt(tokens: readonly Token[], j: number): { ordinal: number; end: number } | null {
  if (tokens[j]?.lower === "lần" && tokens[j + 1]?.lower === "thứ" && /^\d{1,3}$/.test(tokens[j + 2]?.text ?? "")) return { ordinal: Number(tokens[j + 2]!.text), end: j + 3 };
  if (/^\d{1,3}$/.test(tokens[j]?.text ?? "")) return { ordinal: Number(tokens[j]!.text), end: j + 1 };
  return null;
}

/**
 * "Hội nghị Bộ trưởng GTVT ASEAN (ATM) lần thứ 18, ATM+Trung Quốc lần thứ 11": a series given an
 * acronym, then the acronym joined to a partner state or body and a number, names that series' meeting
 * with the partner: "Hội nghị Bộ trưởng GTVT ASEAN - Trung Quốc lần thứ 11".
 */
export function recognizeSeriesPartners(views: SentenceView[], mentions: Mention[], lexicon: Lexicon): Mention[] {
  const series = new Map<string, string>();
  for (const m of mentions) {
    if (m.kind !== "Meeting" || !m.acronym || m.ordinal === undefined || series.has(m.acronym)) continue;
    const name = m.name.replace(new RegExp(`\\s+lần thứ ${m.ordinal}(?!\\d)`, "u"), "");
    if (name !== m.name) series.set(m.acronym, name);
  }
  if (series.size === 0) return mentions;
  const added: Mention[] = [];
  const covered = new Set<Mention>();
  const bySentence = groupBySentence(mentions);
  for (const { tokens, sentence } of views) {
    for (let k = 0; k < tokens.length; k++) {
      // the acronym is the token, or its part before the sign: one look-up per token
      const acronym = /^[^+\-–]+/u.exec(tokens[k]!.text)?.[0];
      if (!acronym || !series.has(acronym)) continue;
      const partner = partnerStart(tokens, k, acronym);
      if (!partner) continue;
      const match = lexicon.countryMatcher.matchAt(partner.tokens, 0) ?? lexicon.organizationMatcher.matchAt(partner.tokens, 0);
      if (!match) continue;
      // the partner's words in the sentence's tokens: after the glued token, or after the sign
      const partnerEnd = partner.glued ? k + match.length : k + 2 + match.length;
      const numbered = ordinalAt(tokens, partnerEnd);
      if (!numbered) continue;
      const start = tokens[k]!.start;
      const end = tokens[numbered.end - 1]!.end;
      const inside = (bySentence.get(sentence.index) ?? []).filter((m) => m.start < end && start < m.end);
      if (inside.some((m) => m.start < start || m.end > end)) continue;
      for (const m of inside) covered.add(m);
      const written = sentence.text.slice(start - sentence.start, end - sentence.start);
      const partnerName = sentence.text.slice(partner.tokens[0]!.start - sentence.start, tokens[partnerEnd - 1]!.end - sentence.start);
      const meeting: MeetingMention = {
        kind: "Meeting", start, end, sentence: sentence.index, ordinal: numbered.ordinal,
        name: `${series.get(acronym)!} - ${partnerName} lần thứ ${numbered.ordinal}`,
        aliases: [...new Set([written, `${acronym}+${partnerName} ${numbered.ordinal}`])],
      };
      added.push(meeting);
      k = numbered.end - 1;
    }
  }
  if (added.length === 0) return mentions;
  return [...mentions.filter((m) => !covered.has(m)), ...added].sort((x, y) => x.start - y.start);
}

/** "AIPA-31" with no meeting of that number in the article: the well-known series' meeting (meetings.json seriesAcronyms). */
function seriesMeeting(acronym: string, ordinal: number, lexicon: Lexicon): MeetingMention | null {
  const series = lexicon.seriesAcronyms.get(acronym);
  if (!series || ordinal < 1) return null;
  return { kind: "Meeting", start: 0, end: 0, sentence: 0, name: `${series} lần thứ ${ordinal}`, aliases: [], ordinal };
}

/** "AIPA-46", "AIPA -31", "AMM 55": an acronym and a number, written apart from any head. */
const ACRONYM_NUMBER = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}&]{1,11})(?: ?[-–] ?| )(\d{1,3})(?![\p{L}\p{N}+])/gu;

/**
 * "tham dự AIPA-46", "Chủ tịch AIPA -31": an acronym with a number and no head, where the article names
 * a meeting with that number whose name holds that acronym (or was given it in parentheses), means
 * that meeting. Inside another mention (an official's title) it is nested, as a meeting in a title is.
 */
export function recognizeNumberedAcronyms(views: SentenceView[], mentions: Mention[], lexicon: Lexicon = loadLexicon()): Mention[] {
  const meant = new Map<string, MeetingMention | null>();
  for (const m of mentions) {
    if (m.kind !== "Meeting" || m.ordinal === undefined || m.backReference || m.nested) continue;
    // the series' acronym, or the meeting's own with its number ("(AIPA 50)"), or one in its name
    const own = m.acronym?.replace(/[ -]?\d{1,3}$/u, "");
    const acronyms = new Set([...(own ? [own] : []), ...[m.name, ...m.aliases].flatMap((n) => n.match(/(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}&]{1,11}(?![\p{L}\p{N}])/gu) ?? [])]);
    for (const acronym of acronyms) {
      const key = `${acronym} ${m.ordinal}`;
      const other = meant.get(key);
      // two meetings of one number sharing the acronym: neither is meant
      meant.set(key, other === undefined || other?.name === m.name ? m : null);
    }
  }
  const added: Mention[] = [];
  const replaced = new Set<Mention>();
  const bySentence = groupBySentence(mentions);
  for (const { sentence } of views) {
    // the sentence's mentions in body order, walked once with the matches (a sentence of thousands of
    // "AMM 5" stays linear): `first` passes those that end before the current match
    const inSentence = bySentence.get(sentence.index) ?? [];
    let first = 0;
    for (const found of wordStartMatches(ACRONYM_NUMBER, sentence.text, isAcronymStart)) {
      const meeting = meant.get(`${found[1]} ${Number(found[2])}`) ?? seriesMeeting(found[1]!, Number(found[2]), lexicon);
      if (!meeting) continue;
      const start = sentence.start + found.index!;
      const end = start + found[0].length;
      while (first < inSentence.length && inSentence[first]!.end <= start && inSentence[first]!.start < start) first++;
      const around: Mention[] = [];
      for (let k = first; k < inSentence.length && inSentence[k]!.start < end; k++) if (start < inSentence[k]!.end) around.push(inSentence[k]!);
      // already read as part of a meeting's name of its own ("Đại hội đồng AIPA-46")
      if (around.some((m) => m.kind === "Meeting")) continue;
      // the acronym alone, read as the body's name, is this meeting's now
      const inside = around.filter((m) => m.start >= start && m.end <= end);
      for (const m of inside) replaced.add(m);
      const mention: MeetingMention = { ...meeting, start, end, sentence: sentence.index, aliases: [...new Set([...meeting.aliases, found[0]])] };
      if (around.length > inside.length) mention.nested = true;
      else delete mention.nested;
      added.push(mention);
    }
  }
  if (added.length === 0) return mentions;
  return [...mentions.filter((m) => !replaced.has(m)), ...added].sort((x, y) => x.start - y.start);
}
