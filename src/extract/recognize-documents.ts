// Documents, found by the shape of their names: a head word that says what kind of document
// it is ("Tuyên bố", "Kế hoạch hành động", "Hiến chương", "Khung", "Sáng kiến") and the words
// that name it, up to the end of the clause, a verb, or an acronym in parentheses.
import { isAcronym, isCapitalized, type Token } from "../text/tokens.ts";
import { lowerAt, parenthesisedAcronym, type SentenceView } from "./context.ts";
import type { Lexicon } from "./lexicon.ts";
import type { DocumentMention } from "./types.ts";

/** Words that end a document's name: auxiliaries, prepositions that start a new phrase, clause verbs. */
const STOP = new Set([
  "do", "được", "đã", "sẽ", "đang", "là", "nhằm", "cho", "tại", "vào", "với", "theo", "khi", "nhưng", "mà", "thì", "cùng", "bởi",
  "trong", "phản", "hiệu", "trên", "nêu", "như", "gồm", "bao", "để", "sau", "trước", "đến", "từ", "cũng", "đều",
]);
/** Verbs of what a statement says: right after a head they are the sentence going on ("ra Tuyên bố chung hoan nghênh …"). */
/** Prepositions that stay inside a name when they follow these words ("ứng phó với", "sau 2025", "đến năm 2045"). */
const KEEP_AFTER: Record<string, Set<string>> = {
  với: new Set(["phó", "hợp", "quan", "tác"]),
  sau: new Set(["ASEAN", "asean"]),
  đến: new Set(["ASEAN", "asean"]),
  trong: new Set(["chung", "ứng"]),
  // "Hiệp định Thương mại tự do": "do" is a syllable of "tự do", not the agent
  do: new Set(["tự"]),
  // "ứng xử của các bên trên Biển Đông": where the parties are, not a new phrase
  trên: new Set(["bên"]),
};
/** Verbs that, after "và", start a new clause rather than continue a name. */
const CLAUSE_VERBS = new Set(["đề", "kêu", "đẩy", "nhấn", "khẳng", "hoan", "ghi", "nhất", "đồng", "thông", "ký", "sớm", "cam", "tiếp", "lập", "thúc", "xây", "triển", "hỗ", "bảo", "tăng", "hình"]);
/** Verbs that, right after a capital or a number, end a name: the sentence goes on ("Kế hoạch Hành động Hà Nội khẳng định …", "… 2021-2025 làm văn kiện …"). */
const VERBS_AFTER_NAME = new Set(["khẳng", "làm", "trình", "thể", "nhấn", "đề", "kêu", "giúp", "mở", "đặt", "tạo", "góp", "được"]);
/** After "trong" these are a time or a frame of the sentence, not the topic going on ("trong năm 2020", "trong khuôn khổ"). */
const TIME_AFTER_IN = new Set(["năm", "dịp", "khuôn", "thời", "tuần", "tháng", "ngày", "khi", "đó", "này", "các", "những", "lần", "phiên", "hội", "cuộc", "chuỗi"]);
/** Verbs of adoption: a document head in lower case after them names a document when a topic follows ("thông qua tuyên bố chung về …"). */
const ADOPTING = new Set(["qua", "ra", "ký", "duyệt", "bố", "thành", "kết"]);
/**
 * Inside a topic these prepositions go on with the topic's noun ("về ứng phó chung trước dịch bệnh COVID-19",
 * "về Tạo thuận lợi cho vận tải hành khách"), unless the word after them makes a verb or a time of the
 * sentence ("cho thấy", "cho biết", "trước khi", "trước đó").
 */
const TOPIC_PREPOSITIONS = new Set(["cho", "trước"]);
const NOT_TOPIC_AFTER = new Set(["thấy", "biết", "rằng", "phép", "đó", "khi", "mắt", "hết", "đây", "tới", "nay", "năm", "ngày", "tháng", "các", "những", "mình"]);
/** Demonstratives after a name point back to it and are not part of it: "Kế hoạch … này". */
const DEMONSTRATIVES = new Set(["này", "đó"]);
const MAX_TOKENS = 32;
/** Word pairs that Vietnamese writes with a comma inside one name: "phòng, chống", "bảo tồn, phát huy". */
const COMMA_PAIRS = new Set(["phòng chống", "bảo tồn phát huy", "giữ gìn phát huy", "bảo vệ phát triển"]);

interface NameExtent {
  /** Token index after the name. */
  end: number;
  /** Token index after the mention: the name plus an acronym in parentheses. */
  spanEnd: number;
  acronym?: string;
}

const OPENING_QUOTES = new Set(["“", "\"", "«"]);
const CLOSING_QUOTES = new Set(["”", "\"", "»"]);

/** The closing quote of the quotation opening at k, within the length of a name and holding words only, or -1. */
function closingQuote(tokens: readonly Token[], k: number): number {
  for (let j = k + 1; j < tokens.length && j - k <= MAX_TOKENS; j++) {
    const t = tokens[j]!;
    if (CLOSING_QUOTES.has(t.text)) return j > k + 1 ? j : -1;
    if (!t.word && ![",", "-", "–"].includes(t.text)) return -1;
  }
  return -1;
}

/** After a comma in a topic: one to three plain words, then "và" and more plain words — the list goes on. */
function listClosesWithAnd(tokens: readonly Token[], from: number): boolean {
  // "Hòa bình, Thịnh vượng và An ninh": the items are all plain words or all capitalised
  const capitals = isCapitalized(tokens[from]?.text ?? "");
  const item = (t: Token | undefined) => t !== undefined && t.word && !STOP.has(t.lower) && !CLAUSE_VERBS.has(t.lower) &&
    isCapitalized(t.text) === capitals;
  let k = from;
  // the later syllables of a capitalised item ("Phát triển") may be any word
  while (k - from < 3 && (k === from || !capitals ? item(tokens[k]) : tokens[k]?.word === true) && tokens[k]!.lower !== "và") k++;
  return k > from && tokens[k]?.lower === "và" && item(tokens[k + 1]);
}

/** "hạn hán và lũ lụt Mekong - Lan Thương": after "và", a few plain words and then a capitalised one continue the name. */
function nameResumes(tokens: readonly Token[], from: number, lexicon: Lexicon): boolean {
  for (let k = from; k < tokens.length && k - from < 4; k++) {
    const t = tokens[k]!;
    if (!t.word || STOP.has(t.lower) || CLAUSE_VERBS.has(t.lower) || t.lower === "và") return false;
    // … unless that word opens another name ("và thực hiện Kế hoạch hành động …")
    if (isCapitalized(t.text)) return k > from && !lexicon.documentHeadMatcher.matchAt(tokens, k) && !lexicon.meetingHeadMatcher.matchAt(tokens, k);
  }
  return false;
}

/** Where a document's name ends: punctuation, a stop word, "và" before a verb or another name, or "(ACRONYM)". */
export function nameEnd(tokens: readonly Token[], from: number, lexicon: Lexicon): NameExtent {
  let k = from;
  let inTopic = false;
  let acronymInside: string | undefined;
  while (k < tokens.length && k - from < MAX_TOKENS) {
    const t = tokens[k]!;
    const low = t.text.toLowerCase();
    const paren = parenthesisedAcronym(tokens, k);
    if (paren) {
      // "Kế hoạch công tác Sáng kiến hội nhập ASEAN (IAI) giai đoạn 2021-2025": a period may follow
      const after = k + paren.length;
      // "Tài liệu tham chiếu (TOR) về Kết nối …": the acronym of the head, the topic after it still the name's
      if (!inTopic && lowerAt(tokens, after) === "về" && tokens[after + 1]?.word) {
        acronymInside = paren.acronym;
        k = after;
        continue;
      }
      const period = lowerAt(tokens, after) === "giai" ? after + 3 : ["năm", "đến", "sau"].includes(lowerAt(tokens, after)) ? after + 2 : 0;
      if (period > 0 && /\d/.test(tokens[period - 1]?.text ?? "")) return { end: period, spanEnd: period, acronym: paren.acronym };
      return { end: k, spanEnd: after, acronym: paren.acronym };
    }
    if (!t.word) {
      // "(2009-2015)": the period a document covers is part of its name
      if (t.text === "(" && /^\d{4}(?:[-–]\d{4})?$/u.test(tokens[k + 1]?.text ?? "") && tokens[k + 2]?.text === ")") {
        k += 3;
        continue;
      }
      // "về thiết lập “Quan hệ đối tác …”": a quoted name inside the topic, to its closing quote
      if (inTopic && OPENING_QUOTES.has(t.text)) {
        const close = closingQuote(tokens, k);
        if (close > 0) {
          k = close + 1;
          continue;
        }
      }
      if (["-", "–", "+"].includes(t.text) && tokens[k + 1]?.word && tokens[k - 1]?.word) {
        k++;
        continue;
      }
      // "phòng, chống ma túy": a pair of verbs written with a comma inside a topic; "vì hòa bình, thịnh
      // vượng và phát triển bền vững": a list of nouns closed by "và"
      if (t.text === "," && inTopic && (COMMA_PAIRS.has(`${lowerAt(tokens, k - 1)} ${lowerAt(tokens, k + 1)}`) || listClosesWithAnd(tokens, k + 1))) {
        k++;
        continue;
      }
      break;
    }
    if (low === "về") inTopic = true;
    if (DEMONSTRATIVES.has(low)) break;
    // "Kế hoạch hành động … đến năm 2020": a target year is part of a plan's name
    if (low === "đến" && lowerAt(tokens, k + 1) === "năm" && /^\d{4}$/.test(tokens[k + 2]?.text ?? "")) {
      k += 3;
      continue;
    }
    // "Tuyên bố … ASEAN trong việc bảo vệ …": "trong việc" opens a topic as "về" does
    if (low === "trong" && lowerAt(tokens, k + 1) === "việc" && tokens[k + 2]?.word) {
      inTopic = true;
      k += 2;
      continue;
    }
    // "Hướng dẫn thúc đẩy kinh doanh toàn diện trong ASEAN;": "trong" and a body that closes the item are the name's
    const within = low === "trong" ? lexicon.organizationMatcher.matchAt(tokens, k + 1) : null;
    if (within && [";", ".", ","].includes(tokens[k + 1 + within.length]?.text ?? ".")) {
      k += 1 + within.length;
      continue;
    }
    if (inTopic && TOPIC_PREPOSITIONS.has(low) && tokens[k + 1]?.word && !isCapitalized(tokens[k + 1]!.text) && !NOT_TOPIC_AFTER.has(lowerAt(tokens, k + 1))) {
      k++;
      continue;
    }
    // "về thúc đẩy … trong hành động …", "nhằm … trong bối cảnh …": inside a topic "trong" goes on, unless a time follows
    if (low === "trong" && inTopic && tokens[k + 1]?.word && !isCapitalized(tokens[k + 1]!.text) && !TIME_AFTER_IN.has(lowerAt(tokens, k + 1))) {
      k++;
      continue;
    }
    // the sentence goes on after the name: a verb after its last capital or number, a title before a person's name
    const prev = tokens[k - 1]?.text ?? "";
    // (not in a topic, whose verbs are its own: "về việc kết nạp Timor-Leste làm thành viên")
    if (k > from && !inTopic && VERBS_AFTER_NAME.has(low) && (isCapitalized(prev) || /\d$/.test(prev))) break;
    const title = isCapitalized(t.text) && k > from ? lexicon.titleMatcher.matchAt(tokens, k) : null;
    if (title && lexicon.surnames.has(tokens[k + title.length]?.text ?? "")) break;
    if (STOP.has(low) && !KEEP_AFTER[low]?.has(tokens[k - 1]?.text.toLowerCase() ?? "") && !KEEP_AFTER[low]?.has(tokens[k + 1]?.text ?? "")) break;
    if (low === "và") {
      const next = tokens[k + 1];
      // "về bảo vệ và thúc đẩy …": two verbs joined in a topic are its subject, not a new clause
      const verbPair = inTopic && CLAUSE_VERBS.has(lowerAt(tokens, k - 2)) && CLAUSE_VERBS.has(next?.lower ?? "");
      if (!next?.word || lexicon.documentHeadMatcher.matchAt(tokens, k + 1) || lexicon.meetingHeadMatcher.matchAt(tokens, k + 1) ||
        (CLAUSE_VERBS.has(next.text.toLowerCase()) && !verbPair) || (!inTopic && !isCapitalized(next.text) && !nameResumes(tokens, k + 1, lexicon))) break;
    }
    // a meeting's name inside a document's ends it, unless the document is about it ("kỷ niệm 20 năm Hội nghị …")
    // … or it is the document's author ("Tuyên bố chung của Hội nghị Cấp cao … lần thứ 9")
    if (lexicon.meetingHeadMatcher.matchAt(tokens, k) && k > from && !inTopic && !tokens.slice(from, k).some((t) => t.lower === "niệm") &&
      !(lowerAt(tokens, k - 1) === "của" && isCapitalized(tokens[k + (lexicon.meetingHeadMatcher.matchAt(tokens, k)?.length ?? 0)]?.text ?? ""))) break;
    k++;
  }
  // trailing function words do not end a name
  while (k > from && ["các", "của", "và", "những", "một", "về"].includes(lowerAt(tokens, k - 1))) k--;
  return acronymInside ? { end: k, spanEnd: k, acronym: acronymInside } : { end: k, spanEnd: k };
}

/** "Kết luận số 59-KL/TW", "Quy chế 142": a numbered document is named by its number. */
function numberedEnd(tokens: readonly Token[], from: number): number {
  let k = from;
  if (lowerAt(tokens, k) === "số") k++;
  if (!/\d/.test(tokens[k]?.text ?? "") || !/^[\p{L}\p{N}/.-]+$/u.test(tokens[k]!.text)) return 0;
  // "Đồng thuận 5 điểm": a count, not a number that names the document
  const after = tokens[k + 1];
  if (after?.word && /^\p{Ll}/u.test(after.text) && !["về", "ngày", "năm", "của"].includes(after.text)) return 0;
  return k + 1;
}

const phraseAt = (tokens: readonly Token[], i: number, phrases: string[][]) =>
  phrases.find((p) => p.every((w, n) => lowerAt(tokens, i + n) === w));

/** "sáu văn kiện khác gồm:": an opener at token i, a noun for documents among the four words before it; the token after the opener, or -1. */
function documentListAt(tokens: readonly Token[], i: number, lexicon: Lexicon): number {
  const opener = phraseAt(tokens, i, lexicon.documentList.openers);
  if (!opener) return -1;
  for (let k = Math.max(0, i - 4); k < i; k++) {
    const noun = phraseAt(tokens, k, lexicon.documentList.nouns);
    if (noun && k + noun.length <= i) return i + opener.length + (tokens[i + opener.length]?.text === ":" ? 1 : 0);
  }
  return -1;
}

/**
 * Whether a document's head opens the clause that token i stands in: "Hiệp định RCEP", "Tuyên bố chung
 * về thực hiện đầy đủ và hiệu quả DOC" — the known name is then a part of that document's name.
 */
function afterDocumentHead(tokens: readonly Token[], i: number, lexicon: Lexicon): boolean {
  for (let k = i - 1; k >= 0 && i - k <= MAX_TOKENS; k--) {
    if (!tokens[k]!.word && !["-", "–"].includes(tokens[k]!.text)) return false;
    if (lexicon.documentHeadMatcher.matchAt(tokens, k)) return true;
  }
  return false;
}

export function recognizeDocuments(view: SentenceView, lexicon: Lexicon): DocumentMention[] {
  const { tokens, sentence } = view;
  const found: DocumentMention[] = [];
  const slice = (a: number, b: number) => sentence.text.slice(tokens[a]!.start - sentence.start, tokens[b - 1]!.end - sentence.start);
  // where the next item of an announced list of documents may start ("… gồm: A, b, c"), or -1
  let listItemAt = -1;
  for (let i = 0; i < tokens.length; i++) {
    const opened = documentListAt(tokens, i, lexicon);
    if (opened > 0) {
      listItemAt = opened;
      i = opened - 1;
      continue;
    }
    const head = lexicon.documentHeadMatcher.matchAt(tokens, i);
    const inList = i === listItemAt;
    // "UNCLOS 1982", "DOC", "(RCEP)": a document known by a short form, not after a head of its own ("Hiệp định RCEP")
    const known = head ? null : lexicon.knownDocumentMatcher.matchAt(tokens, i);
    // (an acronym in parentheses is the name before it's, whatever that name is)
    if (known && tokens[i - 1]?.text !== "(" && !afterDocumentHead(tokens, i, lexicon)) {
      const written = slice(i, i + known.length);
      // "Đối tác kinh tế toàn diện khu vực (RCEP)": the acronym after it is the same document's
      const paren = parenthesisedAcronym(tokens, i + known.length);
      const end = i + known.length + (paren?.length ?? 0);
      // an acronym keeps its own name, the full one as an alias: written as an alias, "DOC" would be spread
      // to every later "DOC" of the article, also where it is a word of another document's name
      const acronymOnly = isAcronym(written.split(" ")[0]!);
      const name = acronymOnly ? written : known.value.name;
      const aliases = [acronymOnly ? known.value.name : written, ...(paren ? [paren.acronym] : [])].filter((a) => a !== name);
      found.push({
        kind: "Document", start: tokens[i]!.start, end: tokens[end - 1]!.end, sentence: sentence.index,
        name, aliases, docKind: known.value.kind,
      });
      i = end - 1;
      continue;
    }
    if (!head) {
      if (inList || (tokens[i]!.word && i > listItemAt)) listItemAt = -1;
      continue;
    }
    const headEnd = i + head.length;
    const headText = slice(i, headEnd);
    const next = tokens[headEnd];
    // 1. a head in lower case names a document only before a capitalised name ("tuyên bố Hà Nội")
    //    or, for a few heads, before "của" + a body ("các khuyến nghị của Nhóm Công tác ...")
    if (!isCapitalized(headText)) {
      const beforeName = next?.word && isCapitalized(next.text) && !lexicon.countryMatcher.matchAt(tokens, headEnd);
      const ofBody = lexicon.lowercaseDocumentHeads.has(headText.toLowerCase()) && lowerAt(tokens, headEnd) === "của" &&
        isCapitalized(tokens[headEnd + 1]?.text ?? "") && !lexicon.countryMatcher.matchAt(tokens, headEnd + 1);
      // "Hội nghị đã thông qua tuyên bố chung về …": a lower-case head adopted, its topic following
      const adopted = ADOPTING.has(lowerAt(tokens, i - 1)) && lowerAt(tokens, headEnd) === "về";
      // "… gồm: Kế hoạch A, kế hoạch tổng thể b, tuyên bố về c": an item of an announced list of documents
      if (!beforeName && !ofBody && !adopted && !inList) continue;
    }
    // a head followed at once by punctuation or a verb is a verb or a common noun ("tuyên bố, bằng ...")
    if (!next?.word && !parenthesisedAcronym(tokens, headEnd)) continue;
    // "Tuyên bố nhấn mạnh …", "Tuyên bố chung ghi nhận …": the subject of a sentence on a document named before
    if (lexicon.documentSubjectVerbs.matchAt(tokens, headEnd + (lowerAt(tokens, headEnd) === "chung" ? 1 : 0))) continue;
    const numbered = numberedEnd(tokens, headEnd);
    const extent = nameEnd(tokens, headEnd, lexicon);
    const last = Math.max(extent.end, numbered, headEnd);
    if (last === headEnd && !extent.acronym) continue;
    // "Kế hoạch và Đầu tư", "Văn hóa, Thể thao và Du lịch": a ministry's portfolio, named whole, is no document
    if (lexicon.ministryMatcher.matchAt(tokens, i)?.length === last - i) continue;
    const spanEnd = Math.max(extent.spanEnd, last);
    const nameTo = numbered > 0 ? numbered : last;
    const mention: DocumentMention = {
      kind: "Document",
      start: tokens[i]!.start,
      end: tokens[spanEnd - 1]!.end,
      sentence: sentence.index,
      // parentheses hold an acronym, left out of the name, or the period it covers, kept: "(2009-2015)"
      name: slice(i, nameTo).replace(/\s*\((?!\d{4}(?:[-–]\d{4})?\))[^)]*\)/gu, "").replace(/\s+/g, " "),
      aliases: [],
      docKind: head.value,
    };
    const written = slice(i, last);
    if (written !== mention.name) mention.aliases.push(written);
    if (extent.acronym) mention.aliases.push(extent.acronym);
    found.push(mention);
    i = spanEnd - 1;
    // the list goes on after a comma or a semicolon ("A, b và c" ends with "và")
    if (inList) listItemAt = [",", ";"].includes(tokens[spanEnd]?.text ?? "") || lowerAt(tokens, spanEnd) === "và" ? spanEnd + 1 : -1;
  }
  return found;
}
