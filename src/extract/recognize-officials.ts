// Officials, found by the shape of the text: a chain of titles ("Phó Thủ tướng, Bộ trưởng
// Ngoại giao"), perhaps naming a state or a body, then a personal name, then perhaps more
// titles in apposition (", Chủ tịch Hội đồng Điều phối ASEAN"). Names of other states'
// leaders, in their own romanisation, are taken after a title that names the state.
import { isCapitalized, type Token } from "../text/tokens.ts";
import { lowerAt, type SentenceView } from "./context.ts";
import type { Lexicon } from "./lexicon.ts";
import type { OfficialMention } from "./types.ts";

interface TitleUnit {
  /** The title names an international body, or is a rank or royal title: a foreign name may follow. */
  international: boolean;
  /** The title as written, without the state it names ("Thứ trưởng Ngoại giao"). */
  text: string;
  countryIso?: string;
  end: number;
  /** The title ends on a leader's title or a minister's portfolio: no body follows, a name of any language may. */
  closed?: boolean;
}

/** "Phan Văn KhảiChuẩn bị …": a page that ran a name into the next headline; the name before it is cut, no one's. */
const runTogether = (token: Token | undefined) => /^\p{Lu}\p{Ll}+\p{Lu}/u.test(token?.text ?? "");

/** A capitalised word of a name, perhaps hyphenated: "Hun", "Villanueva-Reyes", "Sung-ho". */
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}'’]*(?:-\p{L}[\p{Ll}\p{M}'’]*)*$/u;

/**
 * Reads one title with its modifiers from token i: "Thứ trưởng Bộ Ngoại giao", "Tổng Thư ký Ủy ban Quốc gia
 * ASEAN 2020"; `lowerCase`: as the press also writes it before a name ("trợ lý tổng thống", "Phó thủ tướng").
 */
function readTitle(tokens: readonly Token[], i: number, lexicon: Lexicon, lowerCase = false): TitleUnit | null {
  const title = (lowerCase ? lexicon.lowerCaseTitleMatcher : lexicon.titleMatcher).matchAt(tokens, i);
  if (!title) return null;
  let j = i + title.length;
  const parts = [title.value];
  // "Hoàng thân Mohamed Bolkiah", "Thống tướng Min Aung Hlaing": a rank names no body, the person follows
  if (lexicon.personalTitles.has(title.value)) {
    const unit: TitleUnit = { text: title.value, end: j, international: true };
    const state = stateAt(tokens, j, lexicon); // "Quốc vương Brunei Haji Hassanal Bolkiah"
    if (state) {
      unit.countryIso = state.iso;
      unit.end = state.end;
    }
    return unit;
  }
  // "Trợ lý Thủ tướng Chính phủ": an assistant's title names the title served
  const served = lexicon.attendantTitles.has(title.value)
    ? lexicon.titleMatcher.matchAt(tokens, j) ?? (lowerCase ? lexicon.lowerCaseTitleMatcher.matchAt(tokens, j) : null)
    : null;
  if (served) {
    parts.push(served.value);
    j += served.length;
  }
  let countryIso: string | undefined;
  let international = false;
  // "Tổng thống", "Trợ lý Tổng thống": a leader's title (or an assistant's to one) takes no body, a name may follow
  let closed = lexicon.titlesBeforeAnyName.has(parts[parts.length - 1]!);
  for (;;) {
    // 1. a ministry ("Ngoại giao", "Bộ Ngoại giao", "Đầu tư, Thương mại và Công nghiệp"), a known body or a state
    const bo = lowerAt(tokens, j) === "bộ" ? 1 : 0;
    const ministryEnd = portfolioEnd(tokens, j + bo, lexicon);
    if (ministryEnd > j + bo) {
      // "Bộ Công an": a ministry the lexicon knows is its state's ("Bộ Y tế Malaysia": the state after it wins)
      const known = bo ? lexicon.organizationMatcher.matchAt(tokens, j) : null;
      if (known && j + known.length === ministryEnd) countryIso ??= known.value.country;
      parts.push(wordsOf(tokens, j, ministryEnd));
      j = ministryEnd;
      closed = true;
      continue;
    }
    const org = lexicon.organizationMatcher.matchAt(tokens, j);
    if (org && !startsName(tokens, j, lexicon)) {
      parts.push(tokens.slice(j, j + org.length).map((t) => t.text).join(" "));
      countryIso ??= org.value.country;
      j += org.length;
      closed = false;
      // an international body closes the title as a state does ("Tổng Thư ký ASEAN Kao Kim Hourn")
      if (!org.value.country) {
        // "Chủ tịch ASEAN 2021", "Chủ tịch AIPA 41": the year or the session of the chairmanship stays with the title
        if (/^\d{1,4}$/.test(tokens[j]?.text ?? "")) parts.push(tokens[j++]!.text);
        // "Phó Tổng Thư ký ASEAN phụ trách Chính trị - An ninh": what the deputy is in charge of, then the person
        const charge = lowerAt(tokens, j) === "phụ" && lowerAt(tokens, j + 1) === "trách" ? lexicon.chargeMatcher.matchAt(tokens, j + 2) : null;
        if (charge) {
          parts.push(wordsOf(tokens, j, j + 2 + charge.length));
          j += 2 + charge.length;
        }
        international = true;
        break;
      }
      continue;
    }
    const state = stateAt(tokens, j, lexicon);
    if (state) {
      // the state closes the title: what follows is the person ("Thủ tướng Campuchia Hun Sen")
      countryIso = state.iso;
      j = state.end;
      // "Đại sứ Việt Nam tại Indonesia Tạ Văn Thông", "… tại ASEAN": where the envoy serves stays in the
      // title, with the state the envoy speaks for, as the text writes it
      if (lowerAt(tokens, j) === "tại") {
        const post = lexicon.countryMatcher.matchAt(tokens, j + 1) ?? lexicon.cityMatcher.matchAt(tokens, j + 1) ??
          lexicon.organizationMatcher.matchAt(tokens, j + 1);
        if (post) {
          parts.push(wordsOf(tokens, state.start, j + 1 + post.length));
          j += 1 + post.length;
        }
      }
      break;
    }
    // "Bộ trưởng Trồng trọt và Hàng hóa Malaysia": a foreign portfolio the lexicon does not list, its words
    // joined by "và" or commas, closed by the state it serves
    const foreignPortfolio = parts.length === 1 ? portfolioBeforeState(tokens, j, lexicon) : j;
    if (foreignPortfolio > j) {
      parts.push(wordsOf(tokens, j, foreignPortfolio));
      j = foreignPortfolio;
      closed = true;
      continue;
    }
    // 2. other words of a body's name ("Ủy ban Quốc gia ASEAN 2020"), up to a personal name
    // (not after a title that takes no body: "Tổng thống Park Min-seo" names a person)
    const runEnd = closed && NAME_WORD.test(tokens[j]?.text ?? "") && !lexicon.organizationMatcher.matchAt(tokens, j) ? j : bodyNameEnd(tokens, j, lexicon);
    if (runEnd > j) {
      parts.push(tokens.slice(j, runEnd).map((t) => t.text).join(" "));
      j = runEnd;
      continue;
    }
    break;
  }
  const unit: TitleUnit = { text: parts.join(" "), end: j, international };
  if (countryIso) unit.countryIso = countryIso;
  if (closed) unit.closed = true;
  return unit;
}

/** How many tokens a portfolio before a state may run: "Tài nguyên thiên nhiên và Môi trường bền vững". */
const PORTFOLIO_REACH = 10;

/**
 * Where a portfolio written out before its state ends: capitalised words, each with at most two lower-case
 * syllables after it, joined by "và" or commas, and then a state; or `i` when the words do not end at a state.
 */
function portfolioBeforeState(tokens: readonly Token[], i: number, lexicon: Lexicon): number {
  if (!isCapitalized(tokens[i]?.text ?? "") || startsName(tokens, i, lexicon)) return i;
  let lower = 0;
  for (let k = i; k < tokens.length && k - i <= PORTFOLIO_REACH; k++) {
    if (k > i && stateAt(tokens, k, lexicon)) return ["và", ","].includes(lowerAt(tokens, k - 1)) ? i : k;
    const t = tokens[k]!;
    if (t.text === "," || t.lower === "và") {
      if (!isCapitalized(tokens[k + 1]?.text ?? "")) return i;
      lower = 0;
      continue;
    }
    if (!t.word || lexicon.titleMatcher.matchAt(tokens, k) || lexicon.meetingHeadMatcher.matchAt(tokens, k) || (k > i && startsName(tokens, k, lexicon))) return i;
    if (isCapitalized(t.text)) lower = 0;
    else if (++lower > 2 || RUN_STOP.has(t.lower)) return i;
  }
  return i;
}

/** A state named at token i, perhaps in its formal style ("nước Cộng hòa Philippines"): its code and where it ends. */
function stateAt(tokens: readonly Token[], i: number, lexicon: Lexicon): { iso: string; start: number; end: number } | null {
  // "nước chủ nhà Malaysia", "nước Cộng hòa Philippines", "Vương quốc Campuchia": the state's style is not its name
  for (let at = i, steps = 0; steps < 4; steps++) {
    const country = lexicon.countryMatcher.matchAt(tokens, at);
    if (country) return { iso: country.value.iso, start: at, end: at + country.length };
    const style = lexicon.stateStyleMatcher.matchAt(tokens, at);
    if (!style) return null;
    at += style.length;
  }
  return null;
}

/** The words of tokens [from, to) as written: spaces between words, none before a comma. */
const wordsOf = (tokens: readonly Token[], from: number, to: number) =>
  tokens.slice(from, to).map((t) => t.text).join(" ").replace(/ ,/gu, ",");

/**
 * End of a minister's portfolio from token i: one ministry word, or a list of them closed by
 * "và" ("Đầu tư, Thương mại và Công nghiệp"); i itself when none starts there.
 */
function portfolioEnd(tokens: readonly Token[], i: number, lexicon: Lexicon): number {
  const first = lexicon.ministryMatcher.matchAt(tokens, i);
  if (!first) return i;
  const single = i + first.length;
  let j = single;
  while (lowerAt(tokens, j) === ",") {
    const next = lexicon.ministryMatcher.matchAt(tokens, j + 1);
    if (!next) return single;
    j += 1 + next.length;
  }
  const last = lowerAt(tokens, j) === "và" ? lexicon.ministryMatcher.matchAt(tokens, j + 1) : null;
  // commas without a closing "và" are not a list: "Bộ trưởng Ngoại giao, Thứ trưởng …"
  return last ? j + 1 + last.length : single;
}

const RUN_STOP = new Set(["sẽ", "đã", "được", "do", "là", "có", "và", "của", "cho", "tại", "với", "đang", "cũng", "thì", "mà", "này", "đó", "trình", "phát", "nhấn"]);

/**
 * End of the name of a body after a title: capitalised words, numbers and up to three
 * lower-case syllables between them (the second syllables of "Ủy ban", "Hội đồng").
 * Stops before a personal name, another title, a meeting or a document.
 */
function bodyNameEnd(tokens: readonly Token[], i: number, lexicon: Lexicon): number {
  let j = i;
  let end = i;
  let lowerRun = 0;
  while (j < tokens.length && tokens[j]!.word) {
    if (startsName(tokens, j, lexicon) || lexicon.titleMatcher.matchAt(tokens, j) || lexicon.meetingHeadMatcher.matchAt(tokens, j) ||
      lexicon.documentHeadMatcher.matchAt(tokens, j) || stateAt(tokens, j, lexicon)) break;
    const text = tokens[j]!.text;
    if (isCapitalized(text) || /^\d+$/.test(text)) {
      lowerRun = 0;
      j++;
      end = j;
      continue;
    }
    // ("Hội đồng An ninh quốc gia": three before the state that closes it)
    if (j === i || RUN_STOP.has(text.toLowerCase()) || ++lowerRun > 3) break;
    j++;
    // "Quân ủy Trung ương,", "Quân ủy Trung ương Trung Quốc", "Ủy ban Quốc gia (UBQG)": lower-case
    // syllables that close the name before a comma, a bracket or the state it belongs to are part of it
    if (lowerAt(tokens, j) === "," || lowerAt(tokens, j) === "(" || stateAt(tokens, j, lexicon)) end = j;
  }
  return end;
}

/**
 * A Vietnamese personal name starts here: a family name and one to three more syllables, then no
 * capital. A family name the lexicon lacks will do before a middle name ("Tòng Thị Phóng").
 * A place is not a name ("Hà Nội", "Lào Cai"), and a title after the name is not part of it
 * ("Trần Văn An Chủ tịch Quốc hội").
 */
function vietnameseNameLength(tokens: readonly Token[], i: number, lexicon: Lexicon): number {
  const first = tokens[i]?.text ?? "";
  const known = lexicon.surnames.has(first);
  if (!known && !(NAME_WORD.test(first) && lexicon.middleNames.has(tokens[i + 1]?.text ?? ""))) return 0;
  if (lexicon.cityMatcher.matchAt(tokens, i) || lexicon.notCountryMatcher.matchAt(tokens, i) || lexicon.countryMatcher.matchAt(tokens, i)) return 0;
  let j = i + 1;
  while (j < tokens.length && j - i < 4 && NAME_WORD.test(tokens[j]!.text) && !lexicon.titleMatcher.matchAt(tokens, j)) j++;
  const length = j - i;
  if (length < (known ? 2 : 3)) return 0;
  if (runTogether(tokens[j])) return 0;
  // a fifth capitalised word means this is some other name, not a person's
  if (NAME_WORD.test(tokens[j]?.text ?? "") && j - i >= 4 && !lexicon.titleMatcher.matchAt(tokens, j)) return 0;
  return length;
}

/** Words that cannot be inside a body's name: the sentence has gone on past the title. */
const PAST_BODY = new Set([...RUN_STOP].filter((w) => w !== "và" && w !== "của").concat(["dẫn", "tham", "cho", "biết", "ông", "bà", "ngày", "tới", "sang"]));

/**
 * "Cục trưởng Cục Quản lý đê điều và Phòng, chống thiên tai Phạm Đức Luận": a body's name longer than
 * `bodyNameEnd` reads (lower-case words, "và", a comma inside it), then the person. Only a Vietnamese
 * name of three syllables or more with a known family name, after a lower-case word, is taken that far;
 * a title, a meeting, a document or a verb on the way means the title had no name.
 */
function nameAfterLongBody(tokens: readonly Token[], from: number, lexicon: Lexicon): { start: number; length: number } | null {
  for (let k = from; k < Math.min(tokens.length, from + 16); k++) {
    const text = lowerAt(tokens, k);
    if (k > from && !isCapitalized(tokens[k - 1]!.text) && tokens[k - 1]!.word && lexicon.surnames.has(tokens[k]!.text)) {
      const length = vietnameseNameLength(tokens, k, lexicon);
      if (length >= 3) return { start: k, length };
    }
    const comma = text === "," && tokens[k + 1]?.word === true && !isCapitalized(tokens[k + 1]!.text);
    if (!(tokens[k]!.word || comma) || PAST_BODY.has(text) || lexicon.titleMatcher.matchAt(tokens, k) ||
      lexicon.meetingHeadMatcher.matchAt(tokens, k) || lexicon.documentHeadMatcher.matchAt(tokens, k) || stateAt(tokens, k, lexicon)) return null;
  }
  return null;
}

/** Past ", nước Chủ tịch ASEAN," after a title's state, when a name follows it; j itself otherwise. */
function afterStateApposition(tokens: readonly Token[], j: number): number {
  if (lowerAt(tokens, j) !== "," || lowerAt(tokens, j + 1) !== "nước") return j;
  for (let k = j + 2; k < Math.min(tokens.length, j + 8); k++) if (lowerAt(tokens, k) === ",") return NAME_WORD.test(tokens[k + 1]?.text ?? "") ? k + 1 : j;
  return j;
}

/**
 * "lãnh đạo quân đội Myanmar Thống tướng Min Thura": a rank or royal title names no state, so the state
 * written right before it, with no comma between, is the person's (not one gone to: "tại", "sang").
 */
function stateBeforeRank(tokens: readonly Token[], i: number, titles: TitleUnit[], lexicon: Lexicon): string | undefined {
  if (!lexicon.personalTitles.has(titles[0]?.text ?? "")) return undefined;
  for (let from = Math.max(0, i - 4); from < i; from++) {
    const country = lexicon.countryMatcher.matchAt(tokens, from);
    if (country && from + country.length === i && !["tại", "ở", "sang", "đến", "thăm", "với"].includes(lowerAt(tokens, from - 1))) return country.value.iso;
  }
  return undefined;
}

/** The title at token i is part of a meeting's name: "Hội nghị Bộ trưởng …", "cuộc họp Thứ trưởng …". */
function afterMeetingHead(tokens: readonly Token[], i: number, lexicon: Lexicon): boolean {
  for (let from = Math.max(0, i - 3); from < i; from++) {
    const head = lexicon.meetingHeadMatcher.matchAt(tokens, from);
    if (head && from + head.length === i) return true;
  }
  return false;
}

/** A Vietnamese personal name starts at token i (see vietnameseNameLength). */
export function startsName(tokens: readonly Token[], i: number, lexicon: Lexicon): boolean {
  return vietnameseNameLength(tokens, i, lexicon) > 0;
}

/** A foreign name after a title that names a state: two to four capitalised words, none a known name. */
function foreignNameLength(tokens: readonly Token[], i: number, lexicon: Lexicon, surnameAlone = false): number {
  let j = i;
  let words = 0;
  for (;;) {
    if (j >= tokens.length || words >= 5) break;
    // "Mateus da Costa Soares", "Abdul bin Hamid": a particle between capitalised words
    if (words > 0 && lexicon.nameParticles.has(tokens[j]!.text) && NAME_WORD.test(tokens[j + 1]?.text ?? "")) {
      j++;
      continue;
    }
    // a middle initial: "Antony J. Blinken"
    if (words > 0 && /^\p{Lu}$/u.test(tokens[j]!.text) && tokens[j + 1]?.text === "." && NAME_WORD.test(tokens[j + 2]?.text ?? "")) {
      j += 2;
      continue;
    }
    if (!NAME_WORD.test(tokens[j]!.text) || lexicon.titleMatcher.matchAt(tokens, j) || lexicon.organizationMatcher.matchAt(tokens, j) ||
      lexicon.countryMatcher.matchAt(tokens, j) || lexicon.meetingHeadMatcher.matchAt(tokens, j) ||
      lexicon.notCountryMatcher.matchAt(tokens, j) || lexicon.cityMatcher.matchAt(tokens, j)) break;
    j++;
    words++;
  }
  if (runTogether(tokens[j])) return 0;
  // "Phó thủ tướng Thái Lan Pra-vít": one word, hyphenated as the press transcribes a name, is a name too;
  // "Thủ tướng Nhật Bản Noda,": after a title naming a state, a surname alone (the press's way with
  // Japanese leaders), when the sentence goes on in lower case or punctuation after it
  const next = tokens[j];
  const alone = surnameAlone && words === 1 && tokens[i]!.text.length >= 3 && !/^\p{Lu}+$/u.test(tokens[i]!.text) &&
    (!next || !next.word || !isCapitalized(next.text));
  return words >= 2 || (words === 1 && /-/u.test(tokens[i]!.text)) || alone ? j - i : 0;
}

/** "-" and "–" set a title and a name apart as a comma does: "Đại sứ Trần An - Trưởng SOM ASEAN". */
const isApposition = (tokens: readonly Token[], i: number) => ["-", "–", ","].includes(lowerAt(tokens, i));

/** Where a name begins after honorifics that are not part of it ("Dato' Seri", ", Tiến sĩ"), from token j. */
function skipHonorifics(tokens: readonly Token[], j: number, lexicon: Lexicon): number {
  for (;;) {
    const comma = lowerAt(tokens, j) === "," ? 1 : 0;
    const h = lexicon.honorificMatcher.matchAt(tokens, j + comma);
    if (!h) return j;
    j += comma + h.length;
  }
}

/**
 * "Pehin Dato Halbi", "Dato Seri bin Haji Ahmad": when the honorifics before a name leave no name of two
 * words, the name is written with them (people.json honorificsInName), from the first such honorific.
 * Returns where the name starts and its length in tokens, or null.
 */
function honoredName(tokens: readonly Token[], from: number, to: number, lexicon: Lexicon): { start: number; length: number } | null {
  let start = from;
  while (start < to) {
    const h = lexicon.honorificMatcher.matchAt(tokens, start);
    if (!h) return null;
    if (lexicon.honorificsInName.has(h.value)) break;
    start += h.length;
  }
  if (start >= to) return null;
  let k = start;
  let words = 0;
  while (k < tokens.length && k - start < 8) {
    const h = lexicon.honorificMatcher.matchAt(tokens, k);
    if (h && lexicon.honorificsInName.has(h.value)) {
      k += h.length;
      continue;
    }
    if (lexicon.nameParticles.has(tokens[k]!.text) && NAME_WORD.test(tokens[k + 1]?.text ?? "")) {
      k++;
      continue;
    }
    if (!NAME_WORD.test(tokens[k]!.text) || lexicon.titleMatcher.matchAt(tokens, k) || lexicon.organizationMatcher.matchAt(tokens, k) ||
      lexicon.countryMatcher.matchAt(tokens, k) || lexicon.meetingHeadMatcher.matchAt(tokens, k)) break;
    k++;
    words++;
  }
  // the honorific's own apostrophe ("Dato' Seri") is a token of its own: the name does not end on it
  return words >= 1 && words <= 3 ? { start, length: k - start } : null;
}

/**
 * "Nguyễn Văn A, Vụ trưởng Vụ ASEAN", "ông Datu Rahman bin Ali, Bộ trưởng Quốc phòng Brunei": a
 * name with its titles after it, in apposition; a foreign name only after a word of address ("ông", "bà", "ngài").
 */
function nameThenTitles(tokens: readonly Token[], i: number, lexicon: Lexicon, sentence: SentenceView["sentence"]): OfficialMention | null {
  // "tại Hà Nội, Thủ tướng …": after a preposition of place comes a place
  if (lowerAt(tokens, i - 1) === "tại" || lowerAt(tokens, i - 1) === "ở") return null;
  const called = lexicon.addressWords.has(lowerAt(tokens, i - 1));
  const from = called ? skipHonorifics(tokens, i, lexicon) : i;
  let length = vietnameseNameLength(tokens, from, lexicon);
  if (length === 0 && called) length = foreignNameLength(tokens, from, lexicon);
  let nameStart = from;
  const honored = length === 0 && called && from > i ? honoredName(tokens, i, from, lexicon) : null;
  if (honored) {
    nameStart = honored.start;
    length = honored.start + honored.length - from;
  }
  if (length === 0) return null;
  if (!isApposition(tokens, from + length) || !lexicon.titleMatcher.matchAt(tokens, from + length + 1)) {
    // "Ông Nguyễn Văn An đã tham dự …", "bà Verna Esmeralda Buensuceso nhấn mạnh": a full name called by
    // a word of address is a person of the report even without a title (one word alone is a short name: short-names.ts)
    if (!called || from + length - nameStart < 2) return null;
    return { kind: "Official", start: tokens[i]!.start, end: tokens[from + length - 1]!.end, sentence: sentence.index, name: tokens.slice(nameStart, from + length).map((t) => t.text).join(" "), aliases: [], titles: [] };
  }
  const titles: TitleUnit[] = [];
  let end = from + length;
  // ", Bộ trưởng Văn phòng Thủ tướng kiêm Bộ trưởng Quốc phòng II": "kiêm" joins a second title
  while ((isApposition(tokens, end) || (titles.length > 0 && lowerAt(tokens, end) === "kiêm")) && lexicon.titleMatcher.matchAt(tokens, end + 1)) {
    const unit = readTitle(tokens, end + 1, lexicon);
    if (!unit) break;
    titles.push(unit);
    end = unit.end;
  }
  // "… Bộ trưởng Quốc phòng II của Brunei Darussalam": the state after the titles
  const owner = titles.some((t) => t.countryIso) || lowerAt(tokens, end) !== "của" ? null : stateAt(tokens, end + 1, lexicon);
  if (owner) end = owner.end;
  const mention: OfficialMention = {
    kind: "Official", start: tokens[i]!.start, end: tokens[end - 1]!.end, sentence: sentence.index,
    name: tokens.slice(nameStart, from + length).map((t) => t.text).join(" "), aliases: [], titles: [...new Set(titles.map((t) => t.text))],
  };
  const countryIso = titles.find((t) => t.countryIso)?.countryIso ?? owner?.iso;
  if (countryIso) mention.countryIso = countryIso;
  return mention;
}

export function recognizeOfficials(view: SentenceView, lexicon: Lexicon): OfficialMention[] {
  const { tokens, sentence } = view;
  const found: OfficialMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // "nước Chủ tịch ASEAN Brunei": the title of a state, not of a person
    if (lowerAt(tokens, i - 1) === "nước") continue;
    // "trợ lý tổng thống Yuri Ushakov": a title in lower case, taken only with the name it goes before
    const lowerCase = !lexicon.titleMatcher.matchAt(tokens, i) && !isCapitalized(tokens[i]!.text) && lexicon.lowerCaseTitleMatcher.matchAt(tokens, i) !== null;
    if (!lowerCase && !lexicon.titleMatcher.matchAt(tokens, i)) {
      const appositive = nameThenTitles(tokens, i, lexicon, sentence);
      if (appositive) {
        found.push(appositive);
        i = tokens.findIndex((t) => t.end === appositive.end);
      }
      continue;
    }
    // 1. the chain of titles, separated by commas or "kiêm"
    const titles: TitleUnit[] = [];
    let j = i;
    for (;;) {
      const unit = readTitle(tokens, j, lexicon, lowerCase && j === i);
      if (!unit) break;
      titles.push(unit);
      j = unit.end;
      const sep = lowerAt(tokens, j);
      if ((sep === "," || sep === "kiêm") && lexicon.titleMatcher.matchAt(tokens, j + 1)) {
        j++;
        continue;
      }
      // "Bộ trưởng … Malaysia, kiêm Quyền Bộ trưởng …": a second title after a comma and "kiêm"
      if (sep === "," && lowerAt(tokens, j + 1) === "kiêm" && lexicon.titleMatcher.matchAt(tokens, j + 2)) {
        j += 2;
        continue;
      }
      // "Bộ trưởng Bộ Công an Đại tướng Trần An": a rank right after a title is one more title
      const rank = lexicon.titleMatcher.matchAt(tokens, j);
      if (rank && lexicon.personalTitles.has(rank.value)) continue;
      break;
    }
    if (titles.length === 0) continue;
    // 2. the personal name, after any honorific that is not part of it ("Dato' Seri", ", Tiến sĩ"),
    // perhaps set apart by a dash ("Tổng thống Indonesia - Agus Pranoto")
    const stateNamed = titles.some((t) => t.countryIso !== undefined || t.international);
    const titlesEnd = j;
    // "Thủ tướng Lào, nước Chủ tịch ASEAN, Bounmy Keo": a word on the state in apposition before the name
    if (stateNamed) j = afterStateApposition(tokens, j);
    // "Bộ trưởng Thương mại Malaysia, ông Zafrul Aziz": the person called by name after a comma
    // ("Tổng Giám đốc Tập đoàn Dầu khí Việt Nam - ông Nguyễn Văn A": after a dash too)
    const calledAfter = stateNamed && [",", "-", "–"].includes(lowerAt(tokens, j)) && lexicon.addressWords.has(lowerAt(tokens, j + 1));
    if (calledAfter) j += 2;
    const beforeHonorifics = j;
    j = skipHonorifics(tokens, j, lexicon);
    const dashed = (lowerAt(tokens, j) === "-" || lowerAt(tokens, j) === "–") && stateNamed ? 1 : 0;
    let nameLength = vietnameseNameLength(tokens, j + dashed, lexicon);
    // a name of any language after a title naming a state, a rank, or a title that takes no body
    // ("Tổng thống Park Min-seo"), unless the title is part of a meeting's name ("Hội nghị Bộ trưởng Ngoại giao Đông Á")
    const foreign = nameLength === 0 && (stateNamed || (titles[titles.length - 1]!.closed === true && !afterMeetingHead(tokens, i, lexicon)));
    if (foreign) nameLength = foreignNameLength(tokens, j + dashed, lexicon, stateNamed && titles.some((t) => t.countryIso !== undefined));
    const honored = foreign && nameLength === 0 && j > beforeHonorifics ? honoredName(tokens, beforeHonorifics, j, lexicon) : null;
    if (honored) {
      nameLength = honored.length;
      j = honored.start;
    }
    if (nameLength > 0) j += dashed;
    else if (calledAfter) j = titlesEnd;
    const late = nameLength === 0 && !lowerCase && !calledAfter ? nameAfterLongBody(tokens, titlesEnd, lexicon) : null;
    if (late) {
      const lastTitle = titles[titles.length - 1]!;
      lastTitle.text = `${lastTitle.text} ${wordsOf(tokens, titlesEnd, late.start)}`;
      j = late.start;
      nameLength = late.length;
    }
    const first = tokens[i]!;
    if (nameLength === 0 && lowerCase) continue;
    if (nameLength === 0) {
      // A bare title ("Thủ tướng nhấn mạnh") may stand for an official named before; a title with
      // its state ("Thủ tướng Campuchia nhấn mạnh") for the one holding it for that state. Resolved later.
      j = titlesEnd;
      const next = tokens[j];
      const plural = ["các", "những", "hai", "ba", "nhiều"].includes(lowerAt(tokens, i - 1)) || ["các", "những", "nhiều"].includes(lowerAt(tokens, j));
      const stated = titles.filter((t) => t.countryIso).map((t) => t.countryIso!);
      const bare = !plural && titles.every((t) => !t.international) && new Set(stated).size <= 1 &&
        (!next || !next.word || !/^[\p{Lu}\d]/u.test(next.text));
      if (bare) {
        const last = tokens[j - 1]!;
        const role: OfficialMention = {
          kind: "Official", start: first.start, end: last.end, sentence: sentence.index,
          name: "", aliases: [], titles: titles.map((t) => t.text), coreference: true,
        };
        if (stated[0]) role.countryIso = stated[0];
        found.push(role);
      }
      i = j - 1;
      continue;
    }
    const nameTokens = tokens.slice(j, j + nameLength);
    let end = j + nameLength;
    // "Thủ tướng Hun Manet của Campuchia": the state after the name
    const owner = lowerAt(tokens, end) === "của" ? lexicon.countryMatcher.matchAt(tokens, end + 1) : null;
    // 3. titles in apposition after the name: ", Chủ tịch Hội đồng Điều phối ASEAN", " - Trưởng SOM ASEAN"
    while (isApposition(tokens, end) && lexicon.titleMatcher.matchAt(tokens, end + 1)) {
      const unit = readTitle(tokens, end + 1, lexicon);
      // ", Thủ tướng Nguyễn Xuân Phúc", ", Bộ trưởng Thương mại Thái Lan Anucha Siriwat": a title with
      // a name of its own is the next official of a list
      if (!unit || startsName(tokens, unit.end, lexicon)) break;
      if ((unit.countryIso !== undefined || unit.international) && foreignNameLength(tokens, unit.end, lexicon) > 0) break;
      titles.push(unit);
      end = unit.end;
    }
    const last = tokens[end - 1]!;
    const mention: OfficialMention = {
      kind: "Official",
      start: first.start,
      end: last.end,
      sentence: sentence.index,
      name: nameTokens.map((t) => t.text).join(" ").replace(/ \./gu, "."),
      aliases: [],
      titles: [...new Set(titles.map((t) => t.text))],
    };
    const countryIso = titles.find((t) => t.countryIso)?.countryIso ?? owner?.value.iso ?? stateBeforeRank(tokens, i, titles, lexicon);
    if (countryIso) mention.countryIso = countryIso;
    found.push(mention);
    i = end - 1;
  }
  return found;
}
