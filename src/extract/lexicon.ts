// World knowledge loaded from the data files beside this module: countries, organisations,
// ministries, titles, document and meeting head words. Everything is normalised with the
// same function as the articles, so "Hòa"/"Hoà" spellings meet.
import { readFileSync } from "node:fs";
import { normalizeVietnamese } from "../text/normalize.ts";
import { isAcronym } from "../text/tokens.ts";
import { PhraseMatcher } from "./phrase-matcher.ts";

export interface CountryEntry {
  iso: string;
  name: string;
  aliases: string[];
}

export interface OrganizationEntry {
  name: string;
  aliases: string[];
  /** ISO code of the state a ministry or national body belongs to. */
  country?: string;
}

export interface MeetingGrammar {
  headsNeedingOrdinal: Set<string>;
  stopWords: Set<string>;
  compounds: Set<string>;
  topicStops: Set<string>;
  distinguishing: string[][];
  /** Words that make a meeting the preparation of another named after "cho": "trù bị". */
  preparatory: string[][];
  /** "công tác chuẩn bị cho …": nouns that make a preparatory word the work of preparing, not a meeting's name. */
  preparationNouns: string[][];
  backReferenceHeads: Set<string>;
  notAfter: string[][];
  ordinalWords: Map<string, number>;
  commaPairs: Set<string>;
  keyRewrites: Array<[RegExp, string]>;
}

/** A document known by its acronym or a short form: its name, those forms and its kind. */
export interface KnownDocument {
  name: string;
  aliases: string[];
  kind: string;
}

export interface Lexicon {
  countries: CountryEntry[];
  organizations: OrganizationEntry[];
  countryMatcher: PhraseMatcher<CountryEntry>;
  organizationMatcher: PhraseMatcher<OrganizationEntry>;
  titleMatcher: PhraseMatcher<string>;
  /** The titles written in lower case before a name ("trợ lý tổng thống", "Phó thủ tướng"), to the title as the lexicon writes it. */
  lowerCaseTitleMatcher: PhraseMatcher<string>;
  /** Words of address before a name, not part of it: "ông", "bà", "ngài". */
  addressWords: Set<string>;
  /** "phụ trách Chính trị - An ninh": what a deputy of an international body is in charge of (people.json charges). */
  chargeMatcher: PhraseMatcher<string>;
  ministryMatcher: PhraseMatcher<string>;
  documentHeadMatcher: PhraseMatcher<string>;
  /** Documents known to all by a name or an acronym with no head word before it: "UNCLOS", "DOC", "RCEP". */
  knownDocumentMatcher: PhraseMatcher<KnownDocument>;
  lowercaseDocumentHeads: Set<string>;
  /** A list of documents: the nouns that announce it and the words that open it ("văn kiện … gồm:"). */
  documentList: { nouns: string[][]; openers: string[][] };
  /** Verbs of saying that make a head right before them the subject of a sentence ("Tuyên bố nhấn mạnh …"). */
  documentSubjectVerbs: PhraseMatcher<string>;
  meetingHeadMatcher: PhraseMatcher<string>;
  /** "sự kiện" standing for the report's meeting, and the words around it that make it another event (event-references.ts). */
  eventReference: { words: PhraseMatcher<string>; notAfter: string[][]; notBefore: PhraseMatcher<string> };
  /** The words that open a meeting's name, as written in the lexicon. */
  meetingHeads: string[];
  ceremonyMatcher: PhraseMatcher<string>;
  /** Lower-case words a meeting's name may carry before what tells it apart ("cấp cao", "trực tuyến"), longest first. */
  meetingDescriptorWords: string[][];
  meetingSeries: Array<[string, string]>;
  /** Well-known acronyms of numbered series ("AMM" → "Hội nghị Bộ trưởng Ngoại giao ASEAN"). */
  seriesAcronyms: Map<string, string>;
  /** The grammar of meeting names, as data (meetings.json): stop words, ordinals in words, key rewrites. */
  meetingGrammar: MeetingGrammar;
  notCountryMatcher: PhraseMatcher<string>;
  containerWords: Set<string>;
  cityMatcher: PhraseMatcher<string>;
  surnames: Set<string>;
  /** Titles that name the title they serve: "Trợ lý" (Thủ tướng), "Đặc phái viên" (Tổng thống). */
  attendantTitles: Set<string>;
  /** Ranks and royal titles, which stand right before a name in any romanisation: "Thống tướng", "Hoàng thân". */
  personalTitles: Set<string>;
  /** Honorifics before a foreign name that are not part of it: "Dato' Seri", "Tan Sri", "Haji". */
  honorificMatcher: PhraseMatcher<string>;
  /** Honorifics written as part of a Malay or Bruneian name when no other name is given: "Pehin Dato Halbi". */
  honorificsInName: Set<string>;
  /** Lower-case particles inside foreign names: "da" (Mateus da Costa Soares), "bin", "van". */
  nameParticles: Set<string>;
  /** Titles that take no body after them, so that a name of any language may follow: "Tổng thống", "Thủ tướng". */
  titlesBeforeAnyName: Set<string>;
  /** Middle names that mark a Vietnamese name whatever its family name: "Thị", "Văn". */
  middleNames: Set<string>;
  countryByIso: Map<string, CountryEntry>;
  /** A body named by its shape ("Ủy ban Quốc gia ASEAN 2020"): head words, the anchors that close it, words of scope after. */
  bodyShape: { heads: PhraseMatcher<string>; anchors: PhraseMatcher<string>; scopes: PhraseMatcher<string> };
  /** Words of a state's style before its name: "nước", "nước chủ nhà", "Vương quốc", "Cộng hòa". */
  stateStyleMatcher: PhraseMatcher<string>;
}

function readData<T>(file: string): T {
  const url = new URL(`./lexicon/${file}`, import.meta.url);
  return JSON.parse(normalizeVietnamese(readFileSync(url, "utf8"))) as T;
}

/** A phrase is matched to the letter when it is an acronym, else with its first word capitalised. */
function phraseOptions(phrase: string) {
  const words = phrase.split(/\s+/);
  return words.every((w) => isAcronym(w) || /^\d+$/.test(w) || /^[+\-&]$/.test(w)) ? { exactCase: true } : { capitalised: true };
}

let cached: Lexicon | undefined;

export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const { countries, stateStyles } = readData<{ countries: CountryEntry[]; stateStyles: string[] }>("countries.json");
  const { organizations, bodyShape } = readData<{ organizations: OrganizationEntry[]; bodyShape: { heads: string[]; anchors: string[]; scopes: string[] } }>("organizations.json");
  const people = readData<{ vietnameseSurnames: string[]; titles: string[]; ministryWords: string[]; attendantTitles: string[]; addressWords: string[]; charges: string[]; titlesInLowerCase: string[]; personalTitles: string[]; foreignHonorifics: string[]; honorificsInName: string[]; nameParticles: string[]; titlePrefixes: string[]; titlesBeforeAnyName: string[]; middleNames: string[] }>("people.json");
  const documents = readData<{ known: KnownDocument[]; heads: Array<[string, string]>; lowercaseOfHeads: string[]; listNouns: string[]; listOpeners: string[]; subjectVerbs: string[] }>("documents.json");
  const meetings = readData<{
    heads: string[]; ceremonies: string[]; descriptors: string[]; series: Array<[string, string]>; seriesAcronyms: Array<[string, string]>; headsNeedingOrdinal: string[];
    stopWords: string[]; compounds: string[]; topicStops: string[]; distinguishing: string[]; preparatory: string[]; preparationNouns: string[]; backReferenceHeads: string[];
    eventWords: string[]; eventWordsNotAfter: string[]; eventWordsNotBefore: string[];
    notAfter: string[]; ordinalWords: Record<string, number>; commaPairs: string[]; keyRewrites: Array<[string, string]>;
  }>("meetings.json");
  const places = readData<{ notCountries: string[]; containerWords: string[]; cities: string[] }>("places.json");

  const countryMatcher = new PhraseMatcher<CountryEntry>();
  for (const c of countries) for (const n of [c.name, ...c.aliases]) countryMatcher.add(n, c, phraseOptions(n));
  const organizationMatcher = new PhraseMatcher<OrganizationEntry>();
  for (const o of organizations) for (const n of [o.name, ...o.aliases]) organizationMatcher.add(n, o, phraseOptions(n));
  const titleMatcher = new PhraseMatcher<string>();
  for (const t of people.titles) titleMatcher.add(t, t, { capitalised: true });
  // "Quyền Giám đốc", "Quyền Trưởng SOM ASEAN": an acting holder's title is the title with its prefix
  for (const p of people.titlePrefixes) for (const t of people.titles) titleMatcher.add(`${p} ${t}`, `${p} ${t}`, { capitalised: true });
  const lowerCaseTitleMatcher = new PhraseMatcher<string>();
  for (const t of people.titlesInLowerCase) {
    const written = people.titles.find((u) => u.toLowerCase() === t.toLowerCase());
    if (written) lowerCaseTitleMatcher.add(t, written);
  }
  const ministryMatcher = new PhraseMatcher<string>();
  for (const m of people.ministryWords) ministryMatcher.add(m, m, { capitalised: true });
  const documentHeadMatcher = new PhraseMatcher<string>();
  for (const [head, kind] of documents.heads) documentHeadMatcher.add(head, kind);
  const knownDocumentMatcher = new PhraseMatcher<KnownDocument>();
  for (const d of documents.known) for (const n of d.aliases) knownDocumentMatcher.add(n, d, phraseOptions(n));
  const phrases = (list: string[]) => list.reduce((matcher, p) => matcher.add(p, p), new PhraseMatcher<string>());
  const documentSubjectVerbs = new PhraseMatcher<string>();
  for (const v of documents.subjectVerbs) documentSubjectVerbs.add(v, v);
  const meetingHeadMatcher = new PhraseMatcher<string>();
  for (const h of meetings.heads) meetingHeadMatcher.add(h, h, isAcronym(h) ? { exactCase: true } : {});
  const ceremonyMatcher = new PhraseMatcher<string>();
  for (const c of meetings.ceremonies) ceremonyMatcher.add(c, c);
  const notCountryMatcher = new PhraseMatcher<string>();
  for (const n of places.notCountries) notCountryMatcher.add(n, n);
  const honorificMatcher = new PhraseMatcher<string>();
  for (const h of people.foreignHonorifics) honorificMatcher.add(h, h, { capitalised: true });
  const bodyHeads = new PhraseMatcher<string>();
  for (const h of bodyShape.heads) bodyHeads.add(h, h, { capitalised: true });
  const bodyAnchors = new PhraseMatcher<string>();
  for (const a of bodyShape.anchors) bodyAnchors.add(a, a, phraseOptions(a));
  const bodyScopes = new PhraseMatcher<string>();
  for (const s of bodyShape.scopes) bodyScopes.add(s, s, { capitalised: true });
  const stateStyleMatcher = new PhraseMatcher<string>();
  for (const s of stateStyles) stateStyleMatcher.add(s, s);
  const cityMatcher = new PhraseMatcher<string>();
  for (const c of places.cities) cityMatcher.add(c, c, { capitalised: true });

  cached = {
    countries,
    organizations,
    countryMatcher,
    organizationMatcher,
    titleMatcher,
    lowerCaseTitleMatcher,
    addressWords: new Set(people.addressWords),
    chargeMatcher: phrases(people.charges),
    ministryMatcher,
    documentHeadMatcher,
    knownDocumentMatcher,
    lowercaseDocumentHeads: new Set(documents.lowercaseOfHeads),
    documentList: { nouns: documents.listNouns.map((n) => n.split(" ")), openers: documents.listOpeners.map((o) => o.split(" ")) },
    documentSubjectVerbs,
    eventReference: {
      words: phrases(meetings.eventWords),
      notAfter: meetings.eventWordsNotAfter.map((w) => w.toLowerCase().split(" ")),
      notBefore: phrases(meetings.eventWordsNotBefore),
    },
    meetingHeadMatcher,
    meetingHeads: meetings.heads,
    ceremonyMatcher,
    meetingDescriptorWords: meetings.descriptors.map((d) => d.split(" ")).sort((a, b) => b.length - a.length),
    meetingSeries: meetings.series,
    seriesAcronyms: new Map(meetings.seriesAcronyms),
    meetingGrammar: {
      headsNeedingOrdinal: new Set(meetings.headsNeedingOrdinal.map((h) => h.toLowerCase())),
      stopWords: new Set(meetings.stopWords),
      compounds: new Set(meetings.compounds),
      topicStops: new Set(meetings.topicStops),
      distinguishing: meetings.distinguishing.map((d) => d.split(" ")),
      preparatory: meetings.preparatory.map((d) => d.split(" ")),
      preparationNouns: meetings.preparationNouns.map((d) => d.split(" ")),
      backReferenceHeads: new Set(meetings.backReferenceHeads),
      notAfter: meetings.notAfter.map((w) => w.split(" ")),
      ordinalWords: new Map(Object.entries(meetings.ordinalWords)),
      commaPairs: new Set(meetings.commaPairs),
      // whole words only: "sy" is the syllable, not the letters of "asy…"
      keyRewrites: meetings.keyRewrites.map(([from, to]) => [new RegExp(from.startsWith("^") ? `${from}\\b` : `\\b${from}\\b`, "g"), to]),
    },
    notCountryMatcher,
    containerWords: new Set(places.containerWords),
    cityMatcher,
    surnames: new Set(people.vietnameseSurnames),
    attendantTitles: new Set(people.attendantTitles),
    personalTitles: new Set(people.personalTitles),
    honorificsInName: new Set(people.honorificsInName),
    honorificMatcher,
    nameParticles: new Set(people.nameParticles),
    titlesBeforeAnyName: new Set(people.titlesBeforeAnyName),
    middleNames: new Set(people.middleNames),
    countryByIso: new Map(countries.map((c) => [c.iso, c])),
    stateStyleMatcher,
    bodyShape: { heads: bodyHeads, anchors: bodyAnchors, scopes: bodyScopes },
  };
  return cached;
}
