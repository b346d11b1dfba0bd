// Meetings, found by the shape of their names: a head word ("Hội nghị", "HNCC", "Hội thảo",
// "Diễn đàn", "cuộc họp"), descriptive words, the bodies or states that meet, an ordinal
// ("lần thứ 37", "37"), a topic ("về ..."), an acronym in parentheses. "lần thứ 38 và 39"
// names two meetings. A head standing alone ("Hội nghị") refers back to the article's meeting.
import { isAcronym, isCapitalized, type Token } from "../text/tokens.ts";
import { lowerAt, parenthesisedAcronym, type SentenceView } from "./context.ts";
import { startsName } from "./recognize-officials.ts";
import type { Lexicon, MeetingGrammar } from "./lexicon.ts";
import type { MeetingMention } from "./types.ts";

/** "caoASEAN": a lower-case syllable run into an acronym by a page that lost the space. */
const GLUED_ACRONYM = /^(\p{Ll}+)(\p{Lu}{2,})$/u;

/** Stop words that end a name, unless they are a syllable of a word inside it ("tự do", "đầu tư"). */
const stopsName = (tokens: readonly Token[], j: number, g: MeetingGrammar) =>
  g.stopWords.has(tokens[j]!.lower) && !g.compounds.has(`${lowerAt(tokens, j - 1)} ${tokens[j]!.lower}`) && !g.compounds.has(`${tokens[j]!.lower} ${lowerAt(tokens, j + 1)}`);

/** "37", "hai", "nhất": an ordinal in digits or in words (meetings.json ordinalWords). */
function ordinalValue(text: string, g: MeetingGrammar): number | null {
  if (/^\d{1,3}$/.test(text)) return Number(text);
  return g.ordinalWords.get(text.toLowerCase()) ?? null;
}

/** Whether the words before token i are one of the phrases (a head inside a body's name, "Đối tác đối thoại"). */
const precededBy = (tokens: readonly Token[], i: number, phrases: string[][]) =>
  phrases.some((p) => p.every((w, k) => lowerAt(tokens, i - p.length + k) === w));

/** End of a topic after "về": to the end of the clause, through ordinals and acronyms in parentheses. */
function topicEnd(tokens: readonly Token[], from: number, lexicon: Lexicon): number {
  let k = from;
  while (k < tokens.length && k - from < 24) {
    const paren = parenthesisedAcronym(tokens, k);
    if (paren) {
      k += paren.length;
      continue;
    }
    const t = tokens[k]!;
    if (!t.word) {
      if (["-", "–", "+"].includes(t.text) && tokens[k + 1]?.word) {
        k++;
        continue;
      }
      // "về phòng, chống tội phạm …": a pair of words the name writes with a comma
      if (t.text === "," && lexicon.meetingGrammar.commaPairs.has(`${lowerAt(tokens, k - 1)} ${lowerAt(tokens, k + 1)}`)) {
        k++;
        continue;
      }
      break;
    }
    const low = t.text.toLowerCase();
    if (low === "lần") {
      if (lowerAt(tokens, k + 1) === "thứ" && ordinalValue(tokens[k + 2]?.text ?? "", lexicon.meetingGrammar) !== null) {
        k += 3;
        // "… lần thứ 20 họp tại Cebu": after the ordinal only a name goes on
        if (!isCapitalized(tokens[k]?.text ?? "")) break;
        continue;
      }
      break;
    }
    if (lexicon.meetingGrammar.topicStops.has(low)) break;
    if (low === "và" && (lexicon.meetingHeadMatcher.matchAt(tokens, k + 1) || lowerAt(tokens, k + 1) === "các")) break;
    k++;
  }
  return k;
}

/** Whether tokens [from, to) are all words of a name: capitals, acronyms, numbers, dashes or the descriptors of meetings.json. */
function nameWordsOnly(tokens: readonly Token[], from: number, to: number, lexicon: Lexicon): boolean {
  let k = from;
  while (k < to) {
    const t = tokens[k]!;
    if (isCapitalized(t.text) || isAcronym(t.text) || /^\d/.test(t.text) || ["-", "–", "+"].includes(t.text)) {
      k++;
      continue;
    }
    const descriptor = lexicon.meetingDescriptorWords.find((d) => d.every((w, n) => lowerAt(tokens, k + n) === w));
    if (!descriptor) return false;
    k += descriptor.length;
  }
  return true;
}

/** Index of the "(" that opens the parenthesis closing at `end` (exclusive). */
function lastParen(tokens: readonly Token[], end: number): number {
  let k = end - 1;
  while (k > 0 && tokens[k]!.text !== "(") k--;
  return k;
}

interface ParsedName {
  /** Token index after the last word of the name. */
  end: number;
  ordinals: number[];
  /** Token ranges of the ordinal expression, to write one name per ordinal. */
  ordinalSpan?: [number, number];
  acronym?: string;
  /** The name carries something that tells it apart: a capital, an ordinal, a topic. */
  named: boolean;
  /** Known bodies written out in the name ("Hiệp hội các quốc gia Đông Nam Á"), with their usual names ("ASEAN"). */
  bodies: Array<{ from: number; to: number; name: string }>;
  /** A known body's acronym in parentheses before the ordinal: "ASEANAPOL 39" names the meeting, "ASEANAPOL" the body. */
  bodyAcronym?: string;
  /** "ASEAN 3" written for "ASEAN+3": the name reads with the plus. */
  plusLost: Array<{ written: string; name: string }>;
}

/** Whether "lần thứ" follows within three lower-case words: "(MRC) quốc tế lần thứ 4". */
function ordinalSoon(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < from + 4; k++) {
    if (lowerAt(tokens, k) === "lần" && lowerAt(tokens, k + 1) === "thứ") return true;
    if (!tokens[k]?.word || isCapitalized(tokens[k]!.text)) return false;
  }
  return false;
}

/** "Hội nghị Cấp cao Cộng đồng phát thải ròng bằng 0 châu Á (AZEC)": an acronym ahead, in the same phrase, closes the name. */
function acronymAhead(tokens: readonly Token[], from: number, lexicon: Lexicon): number {
  for (let k = from; k < tokens.length && k - from < 20; k++) {
    const paren = parenthesisedAcronym(tokens, k);
    if (paren) {
      // only when the name stops there: "(IAI) giai đoạn 2021-2025" and "(HNCC) ASEAN" go on
      const next = tokens[k + paren.length];
      // "(ASEAN) và Liên minh châu Âu (EU)": the second party of a relationship goes on too
      // "(ATF) 2023": the year after the acronym is the name's too
      // "(MRC) quốc tế lần thứ 4": the rest of the body's name, then the ordinal, is the name's too
      const goesOn = next?.word && (isCapitalized(next.text) || /^\d{4}$/.test(next.text) || ["giai", "lần", "năm", "về", "của"].includes(next.lower) ||
        ordinalSoon(tokens, k + paren.length) ||
        (next.lower === "và" && (lexicon.organizationMatcher.matchAt(tokens, k + paren.length + 1) ?? lexicon.countryMatcher.matchAt(tokens, k + paren.length + 1))));
      return goesOn ? -1 : k + paren.length;
    }
    const t = tokens[k]!;
    if (!t.word && !["-", "–", "+"].includes(t.text)) return -1;
    if (["do", "dưới", "được", "đã", "sẽ", "tại", "vào", "ngày", "và", "cùng", "với", "là", "có"].includes(t.lower) &&
      !lexicon.meetingGrammar.compounds.has(`${lowerAt(tokens, k - 1)} ${t.lower}`)) return -1;
  }
  return -1;
}

function parseName(tokens: readonly Token[], headEnd: number, lexicon: Lexicon, headLength: number): ParsedName {
  const result: ParsedName = { end: headEnd, ordinals: [], named: false, bodies: [], plusLost: [] };
  const g = lexicon.meetingGrammar;
  const ahead = acronymAhead(tokens, headEnd, lexicon);
  if (ahead > headEnd) {
    const acronym = parenthesisedAcronym(tokens, ahead - 3 >= headEnd && tokens[ahead - 1]!.text === ")" ? lastParen(tokens, ahead) : ahead)?.acronym;
    const ordinal = tokens.slice(headEnd, ahead).findIndex((t, i, all) => t.lower === "lần" && all[i + 1]?.lower === "thứ");
    if (ordinal < 0) {
      result.end = ahead;
      result.named = true;
      for (let k = headEnd + 1; k < ahead; k++) {
        const body = lexicon.organizationMatcher.matchAt(tokens, k);
        if (body && k + body.length <= ahead) {
          result.bodies.push({ from: k, to: k + body.length, name: body.value.name });
          k += body.length - 1;
        }
      }
      if (acronym && !lexicon.organizationMatcher.matchAt(tokens.slice(lastParen(tokens, ahead) + 1, ahead - 1), 0)) result.acronym = acronym;
      return result;
    }
  }
  let j = headEnd;
  let strongEnd = headEnd;
  while (j < tokens.length) {
    const token = tokens[j]!;
    const lower = token.text.toLowerCase();
    // 1. an acronym in parentheses names the meeting and ends it
    const paren = parenthesisedAcronym(tokens, j);
    if (paren) {
      j += paren.length;
      strongEnd = j;
      result.named = true;
      // an abbreviation inside the name ("Hội nghị Cấp cao (HNCC) ASEAN") is not the meeting's acronym
      const endsName = !tokens[j]?.word || g.stopWords.has(lowerAt(tokens, j)) || !isCapitalized(tokens[j]!.text);
      const inner = tokens.slice(j - paren.length + 1, j - 1);
      const known = lexicon.meetingHeadMatcher.matchAt(inner, 0) ?? lexicon.organizationMatcher.matchAt(inner, 0);
      if (endsName && !known) result.acronym = paren.acronym;
      // "Hội nghị Tư lệnh Cảnh sát các nước ASEAN (ASEANAPOL) lần thứ 39": a body's acronym, not written out before it,
      // then the ordinal, names this meeting with the number ("ASEANAPOL 39"); the acronym alone stays the body's
      const body = lexicon.organizationMatcher.matchAt(inner, 0);
      if (body && body.length === inner.length && lowerAt(tokens, j) === "lần" && !result.bodies.some((b) => b.to === j - paren.length && b.name === body.value.name)) {
        result.bodyAcronym = paren.acronym;
      }
      continue;
    }
    // "(Hội đồng AFTA)": a short name in parentheses, not an acronym alone, is passed over
    if (token.text === "(" && j > headEnd) {
      const close = tokens.findIndex((t, k) => k > j && t.text === ")");
      const inner = close > j ? tokens.slice(j + 1, close) : [];
      if (inner.length >= 2 && inner.length <= 5 && inner.every((t) => t.word) && inner.some((t) => isAcronym(t.text)) && isCapitalized(inner[0]!.text)) {
        j = close + 1;
        continue;
      }
    }
    // "(10+3) lần thứ 26", "(Trung Quốc, Nhật Bản, Hàn Quốc) lần thứ 18": a gloss in parentheses before the ordinal
    if (token.text === "(" && j > headEnd) {
      let close = j + 1;
      while (close < tokens.length && close - j <= 10 && tokens[close]!.text !== ")") close++;
      if (tokens[close]?.text === ")" && lowerAt(tokens, close + 1) === "lần" && lowerAt(tokens, close + 2) === "thứ") {
        j = close + 1;
        continue;
      }
    }
    if (token.text === "(" && lowerAt(tokens, j + 1) === "với") {
      let k = j;
      while (k < tokens.length && tokens[k]!.text !== ")") k++;
      if (k < tokens.length) {
        j = k + 1;
        continue;
      }
      break;
    }
    // 2. "lần thứ 37", "lần thứ 38 và 39"
    // "Phiên họp thứ 6", "Phiên thứ sáu": "thứ" right after the head is the ordinal too
    // "lần 43": the press also drops "thứ" before a number in digits
    const ordinalAt = lower === "lần" && lowerAt(tokens, j + 1) === "thứ" ? j + 2
      : lower === "lần" && /^\d{1,3}$/.test(tokens[j + 1]?.text ?? "") && j > headEnd ? j + 1
      : lower === "thứ" && j === headEnd ? j + 1 : -1;
    // "lần thứ 28-29" written as one token: two meetings held together, as "28 - 29" is
    const pair = ordinalAt > 0 ? /^(\d{1,3})[-–](\d{1,3})$/u.exec(tokens[ordinalAt]?.text ?? "") : null;
    if (pair && Number(pair[2]) === Number(pair[1]) + 1) {
      result.ordinals.push(Number(pair[1]), Number(pair[2]));
      result.ordinalSpan = [j, ordinalAt + 1];
      j = ordinalAt + 1;
      strongEnd = j;
      result.named = true;
      continue;
    }
    if (ordinalAt > 0 && ordinalValue(tokens[ordinalAt]?.text ?? "", g) !== null) {
      const start = j;
      result.ordinals.push(ordinalValue(tokens[ordinalAt]!.text, g)!);
      j = ordinalAt + 1;
      // "lần thứ 38 - 39": a dash joins two meetings held together only between numbers that follow each other
      const joined = (k: number) => lowerAt(tokens, k) === "và" || lowerAt(tokens, k) === "," ||
        (["-", "–"].includes(lowerAt(tokens, k)) && /^\d+$/.test(tokens[k + 1]?.text ?? "") && Number(tokens[k + 1]!.text) === result.ordinals[result.ordinals.length - 1]! + 1);
      // "… 38 - 39 và 11 Hội nghị cấp cao …": a number before a head counts meetings, it is no ordinal
      while (joined(j) && ordinalValue(tokens[j + 1]?.text ?? "", g) !== null && !lexicon.meetingHeadMatcher.matchAt(tokens, j + 2) &&
        (/^\d/.test(tokens[j + 1]!.text) || /^\D/.test(tokens[ordinalAt]!.text))) {
        result.ordinals.push(ordinalValue(tokens[j + 1]!.text, g)!);
        j += 2;
      }
      result.ordinalSpan = [start, j];
      strongEnd = j;
      result.named = true;
      continue;
    }
    // 3. a topic: "về giáo dục", "về Ứng phó dịch bệnh COVID-19"; it runs to the end of the clause. It names
    //    the meeting only after words of a name ("Hội nghị Bộ trưởng về …", "Hội thảo quốc tế về …"), not
    //    after the sentence's own words ("Hội nghị dành nhiều thời gian trao đổi về …")
    if (lower === "về" && tokens[j + 1]?.word) {
      const k = topicEnd(tokens, j + 1, lexicon);
      // (a head in lower case right before the topic is a common noun: "là diễn đàn đối thoại về …")
      if (k > j + 1 && (result.named || ((j > headEnd || isCapitalized(tokens[headEnd - headLength]!.text)) && nameWordsOnly(tokens, headEnd, j, lexicon)))) {
        strongEnd = k;
        result.named = true;
      }
      break;
    }
    // 4. dashes and plus signs between names: "ASEAN - Liên Hợp Quốc", "ASEAN +3"; "Chính trị - an ninh ASEAN"
    //    goes on too, the lower-case words kept only if a name follows them (step 6)
    if (!token.word) {
      if (["-", "–", "—", "+"].includes(token.text) && tokens[j + 1]?.word && j > headEnd) {
        // "AIPA-46", "AMEM-42": the number after an acronym is the ordinal
        if (/^\d{1,3}$/.test(tokens[j + 1]!.text) && isAcronym(tokens[j - 1]!.text) && result.ordinals.length === 0) {
          result.ordinals.push(Number(tokens[j + 1]!.text));
          result.ordinalSpan = [j, j + 2];
          j += 2;
          strongEnd = j;
          result.named = true;
          continue;
        }
        j++;
        continue;
      }
      // "thương mại & đầu tư ASEAN-Trung Quốc": two topics joined by an ampersand (as by "và", below)
      if (token.text === "&" && j > strongEnd && topicThenName(tokens, j + 1, lexicon)) {
        j++;
        continue;
      }
      // "Bộ trưởng nông, lâm nghiệp": a pair of words the name writes with a comma
      if (token.text === "," && g.commaPairs.has(`${lowerAt(tokens, j - 1)} ${lowerAt(tokens, j + 1)}`)) {
        j++;
        continue;
      }
      break;
    }
    if (lexicon.meetingHeadMatcher.matchAt(tokens, j) && j > headEnd && isCapitalized(token.text) && lower !== "thượng") {
      // "Hội nghị lần thứ 25 Hội đồng ..." continues; another "Hội nghị" after a full name starts a new one, but
      // not one after lower-case words of the name ("Kỷ niệm 25 năm Quan hệ Đối thoại …")
      if (result.named && j === strongEnd) break;
    }
    // "… Hiệp định Đối tác Kinh tế toàn diện khu vực Thủ tướng Nguyễn …": a title before a person's name ends the name
    const title = j > headEnd && isCapitalized(token.text) ? lexicon.titleMatcher.matchAt(tokens, j) : null;
    // (a person's name, not a body's: "Thống đốc Ngân hàng Trung ương" is a title of the name, "Ngân" no family name there)
    if (title && result.named && startsName(tokens, j + title.length, lexicon)) {
      // the lower-case words before it ("… Kinh tế toàn diện khu vực") are the name's: the title, not a capital, closes it
      if (j - strongEnd <= 6) strongEnd = j;
      break;
    }
    // "Hội nghị Cấp cao Hiệp hội các quốc gia Đông Nam Á (ASEAN) lần thứ 32": a known body's name, whole
    const body = j > headEnd ? lexicon.organizationMatcher.matchAt(tokens, j) : null;
    if (body) {
      result.bodies.push({ from: j, to: j + body.length, name: body.value.name });
      j += body.length;
      strongEnd = j;
      result.named = true;
      continue;
    }
    // "Hội nghị Bộ trưởng Quốc phòng các nước ASEAN (ADMM)": the states that meet, named after "các nước"
    // "Cuộc họp các Quan chức Cao cấp …": the participants, in the plural, right after the head or the word
    // that tells the meeting apart ("cuộc họp trù bị các Quan chức …"), perhaps in lower case when they are
    // a title ("Hội nghị hẹp các bộ trưởng ngoại giao ASEAN")
    const participants = isCapitalized(tokens[j + 1]?.text ?? "") ? !lexicon.meetingHeadMatcher.matchAt(tokens, j + 1) : lexicon.lowerCaseTitleMatcher.matchAt(tokens, j + 1) !== null;
    if (lower === "các" && (j === headEnd || (j === strongEnd && !result.named)) && participants) {
      j++;
      continue;
    }
    if (lower === "các" && lowerAt(tokens, j + 1) === "nước") {
      const k = j + 2 + (lowerAt(tokens, j + 2) === "thành" && lowerAt(tokens, j + 3) === "viên" ? 2 : 0);
      // (not a common noun that opens with a capital: "các nước Quan sát viên" are the observers, no party to a name)
      const commonNoun = !isAcronym(tokens[k]?.text ?? "") && !lexicon.countryMatcher.matchAt(tokens, k) && !lexicon.organizationMatcher.matchAt(tokens, k) &&
        tokens[k + 1]?.word === true && !isCapitalized(tokens[k + 1]!.text) && !isAcronym(tokens[k + 1]!.text) && tokens[k + 2]?.word === true && !isCapitalized(tokens[k + 2]!.text);
      if (tokens[k]?.word && (isCapitalized(tokens[k]!.text) || isAcronym(tokens[k]!.text)) && !lexicon.meetingHeadMatcher.matchAt(tokens, k) && !commonNoun) {
        j = k;
        continue;
      }
    }
    // "… của ASEAN và SOM giữa …": "và" before an acronym that is no known body starts another meeting
    const unknownAcronym = lower === "và" && isAcronym(tokens[j + 1]?.text ?? "") &&
      !lexicon.organizationMatcher.matchAt(tokens, j + 1) && !lexicon.countryMatcher.matchAt(tokens, j + 1);
    // "Phiên họp giữa lãnh đạo ASEAN với ABAC": after "giữa", "với" joins the second party as "và" does
    const between = lower === "với" && tokens.slice(headEnd, j).some((t) => t.lower === "giữa");
    // (after an ordinal the name is complete: "lần thứ 50 và AMEM+Nga" names two meetings)
    const afterOrdinal = result.ordinalSpan !== undefined && j === result.ordinalSpan[1];
    // "Hội nghị Bộ trưởng Tài chính và Thống đốc Ngân hàng Trung ương ASEAN": a name of participants by their
    // titles joins a second title with "và" (no person named after it: "… và Bộ trưởng X Lê Văn A phát biểu")
    const secondParticipants = lower === "và" && !afterOrdinal && result.ordinals.length === 0 &&
      lexicon.titleMatcher.matchAt(tokens, headEnd + (lowerAt(tokens, headEnd) === "các" ? 1 : 0)) !== null &&
      lexicon.titleMatcher.matchAt(tokens, j + 1) !== null && !personNamedAfter(tokens, j + 1, lexicon);
    if ((lower === "của" || (lower === "và" && !afterOrdinal) || between) && !unknownAcronym && tokens[j + 1]?.word && isCapitalized(tokens[j + 1]!.text) &&
      !lexicon.meetingHeadMatcher.matchAt(tokens, j + 1) && (secondParticipants || !lexicon.titleMatcher.matchAt(tokens, j + 1)) && !lexicon.documentHeadMatcher.matchAt(tokens, j + 1)) {
      j++;
      continue;
    }
    // 5. a bare number after a name: "HNCC ASEAN 37"
    const number = /^\d{1,3}$/.test(token.text) ? Number(token.text) : null;
    // "ASEAN 3 lần thứ 28": a page that lost the plus of a known body ("ASEAN+3"); the ordinal follows
    const plusLost = number !== null && j > headEnd && lowerAt(tokens, j + 1) === "lần" ? `${tokens[j - 1]!.text}+${token.text}` : "";
    if (plusLost && lexicon.organizationMatcher.matchAt([{ ...token, text: plusLost, lower: plusLost.toLowerCase(), firstOf: -1 }], 0)?.length === 1) {
      result.plusLost.push({ written: `${tokens[j - 1]!.text} ${token.text}`, name: plusLost });
      j++;
      strongEnd = j;
      continue;
    }
    if (number !== null && j > headEnd && result.ordinals.length === 0 && (isCapitalized(tokens[j - 1]!.text) || isAcronym(tokens[j - 1]!.text))) {
      result.ordinals.push(number);
      result.ordinalSpan = [j, j + 1];
      j++;
      strongEnd = j;
      result.named = true;
      continue;
    }
    // "AIPA-46", "CLV9": an acronym written with the meeting's number
    const numbered = /^\p{Lu}[\p{Lu}+&]+-?(\d{1,3})$/u.exec(token.text);
    if (numbered && result.ordinals.length === 0) {
      result.ordinals.push(Number(numbered[1]));
      result.ordinalSpan = [j, j + 1];
      j++;
      strongEnd = j;
      result.named = true;
      continue;
    }
    if (/^\d{4}$/.test(token.text) && j > headEnd) {
      j++;
      strongEnd = j;
      continue;
    }
    // "cấp caoASEAN": a page that lost the space before an acronym; the acronym is a name word
    if (isCapitalized(token.text) || isAcronym(token.text) || GLUED_ACRONYM.test(token.text)) {
      j++;
      strongEnd = j;
      result.named = true;
      continue;
    }
    // "Hội nghị Bộ trưởng Kinh tế ASEAN đặc biệt": a word that tells this meeting from the series' others
    // belongs to the name even after its last capital
    const kind = j === strongEnd ? g.distinguishing.find((d) => d.every((w, n) => lowerAt(tokens, j + n) === w)) : undefined;
    if (kind) {
      j += kind.length;
      strongEnd = j;
      continue;
    }
    // "Bộ trưởng nông nghiệp và lâm nghiệp ASEAN": two topics in lower case joined by "và" inside the
    // descriptive words, a name after them
    if (lower === "và" && j > strongEnd && topicThenName(tokens, j + 1, lexicon)) {
      j++;
      continue;
    }
    if (stopsName(tokens, j, g)) break;
    // right after an ordinal the name is complete but for a body's name ("lần thứ 25 Hội đồng …"): a
    // lower-case word there is the sentence going on ("lần thứ 38 thảo luận …", "năm 2020" dating it)
    if (result.ordinalSpan && j === result.ordinalSpan[1]) break;
    // 6. descriptive lower-case words ("tham vấn chung", "kỷ niệm 50 năm quan hệ") stay only if a name follows
    j++;
    if (j - strongEnd > 9) break;
  }
  result.end = strongEnd;
  return result;
}

/** At token i, one to three lower-case words of a topic, then a name's word (a body, a state, an acronym; no title, no head). */
function topicThenName(tokens: readonly Token[], i: number, lexicon: Lexicon): boolean {
  const g = lexicon.meetingGrammar;
  let k = i;
  while (k < i + 3 && tokens[k]?.word && !isCapitalized(tokens[k]!.text) && !isAcronym(tokens[k]!.text) && !stopsName(tokens, k, g)) k++;
  const next = tokens[k];
  return k > i && next?.word === true && (isCapitalized(next.text) || isAcronym(next.text)) &&
    !lexicon.titleMatcher.matchAt(tokens, k) && !lexicon.meetingHeadMatcher.matchAt(tokens, k) && !lexicon.documentHeadMatcher.matchAt(tokens, k);
}

/** Where a run of descriptor words (any case: "Cấp cao", "kỷ niệm", "cấp Bộ trưởng") starting at token i ends. */
function descriptorRunEnd(tokens: readonly Token[], i: number, lexicon: Lexicon): number {
  let k = i;
  for (;;) {
    const d = lexicon.meetingDescriptorWords.find((w) => w.every((word, n) => lowerAt(tokens, k + n) === word));
    if (!d) return k;
    k += d.length;
  }
}

/** Within a title's reach after token i, a person: a Vietnamese name, or a state followed by a capitalised word that names nothing else ("Nhật Bản Sato Kenji"). */
function personNamedAfter(tokens: readonly Token[], i: number, lexicon: Lexicon): boolean {
  for (let k = i; k < Math.min(tokens.length, i + 10); k++) {
    if (startsName(tokens, k, lexicon)) return true;
    const state = lexicon.countryMatcher.matchAt(tokens, k);
    const next = state ? tokens[k + state.length] : undefined;
    if (next?.word && isCapitalized(next.text) && !isAcronym(next.text) && !lexicon.organizationMatcher.matchAt(tokens, k + state!.length) &&
      !lexicon.meetingHeadMatcher.matchAt(tokens, k + state!.length)) return true;
  }
  return false;
}

/**
 * "… năng lượng trù bị cho Hội nghị X lần thứ 38": lower-case words ending on a word of preparation
 * (meetings.json preparatory), "cho", then a named meeting. Where the whole name ends, where the
 * prepared meeting's head stands, and its ordinal.
 */
function preparedMeeting(tokens: readonly Token[], headEnd: number, lexicon: Lexicon): { end: number; innerHead: number; ordinal?: number } | null {
  const g = lexicon.meetingGrammar;
  for (let k = headEnd; k < tokens.length && k - headEnd < 10; k++) {
    const word = g.preparatory.find((d) => d.every((w, n) => lowerAt(tokens, k + n) === w));
    // "rà soát công tác chuẩn bị cho Hội nghị …": the work of preparing, the object of the sentence's verb
    if (word && g.preparationNouns.some((noun) => noun.every((w, n) => lowerAt(tokens, k - noun.length + n) === w))) return null;
    if (word && lowerAt(tokens, k + word.length) === "cho") {
      const innerHead = k + word.length + 1;
      const head = lexicon.meetingHeadMatcher.matchAt(tokens, innerHead);
      if (!head) return null;
      const inner = parseName(tokens, innerHead + head.length, lexicon, head.length);
      if (!inner.named || inner.ordinals.length > 1) return null;
      const found: { end: number; innerHead: number; ordinal?: number } = { end: inner.end, innerHead };
      if (inner.ordinals[0] !== undefined) found.ordinal = inner.ordinals[0];
      return found;
    }
    if (!tokens[k]!.word || lexicon.meetingHeadMatcher.matchAt(tokens, k) || (g.stopWords.has(lowerAt(tokens, k)) && !g.compounds.has(`${lowerAt(tokens, k - 1)} ${lowerAt(tokens, k)}`))) return null;
  }
  return null;
}

export function recognizeMeetings(view: SentenceView, lexicon: Lexicon): MeetingMention[] {
  const { tokens, sentence } = view;
  const found: MeetingMention[] = [];
  const slice = (a: number, b: number) => sentence.text.slice(tokens[a]!.start - sentence.start, tokens[b - 1]!.end - sentence.start);
  for (let i = 0; i < tokens.length; i++) {
    // "Lễ bế mạc Hội nghị ...": the ceremony is part of the meeting
    const ceremony = lexicon.ceremonyMatcher.matchAt(tokens, i);
    const headAt = ceremony ? i + ceremony.length : i;
    const head = lexicon.meetingHeadMatcher.matchAt(tokens, headAt);
    if (!head) continue;
    const headEnd = headAt + head.length;
    const plural = ["các", "những", "nhiều", "hai", "ba", "đợt"].includes(lowerAt(tokens, i - 1));
    const g = lexicon.meetingGrammar;
    const inBodyName = precededBy(tokens, i, g.notAfter);
    const parsed = parseName(tokens, headEnd, lexicon, head.length);
    // "Tuyên bố của Hội nghị cấp cao Đông Á lần thứ 6 về kết nối ASEAN": the author of a document ends at its
    // number; the topic after it is the document's
    if (parsed.ordinalSpan && parsed.end > parsed.ordinalSpan[1] && lowerAt(tokens, parsed.ordinalSpan[1]) === "về" &&
      lowerAt(tokens, i - 1) === "của" && tokens.slice(Math.max(0, i - 6), i).some((_, n) => lexicon.documentHeadMatcher.matchAt(tokens, Math.max(0, i - 6) + n) !== null)) {
      parsed.end = parsed.ordinalSpan[1];
    }
    // "Đại hội đồng Liên Hợp Quốc" is a body, "Đại hội đồng AIPA lần thứ 41" a session of it
    const needsOrdinal = g.headsNeedingOrdinal.has(slice(headAt, headEnd).toLowerCase()) && parsed.ordinals.length === 0;
    // "phiên họp thứ nhất của Hội nghị …": a sitting of a meeting named next is part of it
    const partOf = lowerAt(tokens, parsed.end) === "của" &&
      lexicon.meetingHeadMatcher.matchAt(tokens, parsed.end + 1) !== null;
    // "kỳ họp lần thứ 14 của Hội nghị các Bên …": a numbered session of a series named next, without a
    // number of its own, is that meeting of the series
    if (partOf && !inBodyName && !plural && parsed.ordinals.length === 1 && lowerAt(tokens, headEnd) === "lần" && parsed.end === parsed.ordinalSpan?.[1]) {
      const innerHead = lexicon.meetingHeadMatcher.matchAt(tokens, parsed.end + 1)!;
      const inner = parseName(tokens, parsed.end + 1 + innerHead.length, lexicon, innerHead.length);
      if (inner.named && inner.ordinals.length === 0 && !inner.acronym) {
        const written = slice(headAt, inner.end);
        const series = slice(parsed.end + 1, inner.end).replace(/\s*\([^)]*\)/gu, "").replace(/\s+/g, " ").trim();
        found.push({
          kind: "Meeting", start: tokens[i]!.start, end: tokens[inner.end - 1]!.end, sentence: sentence.index,
          name: written.replace(/\s*\([^)]*\)/gu, "").replace(/\s+/g, " ").trim(), aliases: [`${series} lần thứ ${parsed.ordinals[0]}`],
          ordinal: parsed.ordinals[0]!,
        });
        i = inner.end - 1;
        continue;
      }
    }
    // "Hội nghị quan chức cấp cao năng lượng trù bị cho Hội nghị Bộ trưởng … lần thứ 38": a meeting that
    // prepares another is named by it (the other is still named, inside: nested)
    const prepared = !inBodyName && !plural ? preparedMeeting(tokens, headEnd, lexicon) : null;
    if (prepared) {
      const name = slice(headAt, prepared.end).replace(/\s*\([^)]*\)/gu, "").replace(/\s+/g, " ").trim();
      const mention: MeetingMention = { kind: "Meeting", start: tokens[i]!.start, end: tokens[prepared.end - 1]!.end, sentence: sentence.index, name, aliases: [] };
      if (prepared.ordinal !== undefined) mention.ordinal = prepared.ordinal;
      found.push(mention);
      // the prepared meeting is read next, on its own
      i = prepared.innerHead - 1;
      continue;
    }
    if (inBodyName || needsOrdinal || partOf || (plural && parsed.ordinals.length === 0)) {
      i = Math.max(i, parsed.end - 1);
      continue;
    }
    // "Hội nghị Cấp cao đã thông qua …", "tại Hội nghị Cấp cao kỷ niệm,": a head and descriptor words only
    // (meetings.json descriptors, whatever their case) name no meeting of their own: the report's
    const descriptive = descriptorRunEnd(tokens, headEnd, lexicon);
    if (parsed.named && descriptive >= parsed.end && descriptive > headEnd && ceremony === null && g.backReferenceHeads.has(slice(headAt, headEnd).toLowerCase())) {
      found.push({
        kind: "Meeting", start: tokens[headAt]!.start, end: tokens[descriptive - 1]!.end, sentence: sentence.index,
        name: slice(headAt, descriptive), aliases: [], backReference: true,
      });
      i = descriptive - 1;
      continue;
    }
    if (!parsed.named) {
      // "cuộc họp báo" is a press conference about the meeting, not the meeting
      const pressConference = lowerAt(tokens, headEnd) === "báo";
      if (ceremony === null && !pressConference && g.backReferenceHeads.has(slice(headAt, headEnd).toLowerCase())) {
        found.push({
          kind: "Meeting", start: tokens[headAt]!.start, end: tokens[headEnd - 1]!.end, sentence: sentence.index,
          name: slice(headAt, headEnd), aliases: [], backReference: true,
        });
      }
      i = headEnd - 1;
      continue;
    }
    const start = tokens[i]!.start;
    const end = tokens[parsed.end - 1]!.end;
    const written = slice(headAt, parsed.end);
    // "(AMM) lần thứ 55": the acronym names the series, "AMM 55" / "AMM-55" this meeting of it
    const seriesAcronym = parsed.acronym && parsed.ordinals.length === 1 && !/\d/.test(parsed.acronym) ? parsed.acronym : undefined;
    const numberedBy = seriesAcronym ?? (parsed.ordinals.length === 1 ? parsed.bodyAcronym : undefined);
    const aliases = numberedBy ? [`${numberedBy} ${parsed.ordinals[0]}`, `${numberedBy}-${parsed.ordinals[0]}`] : parsed.acronym ? [parsed.acronym] : [];
    // the label reads without parentheses and with bodies by their usual names ("Hội nghị Cấp cao ASEAN
    // lần thứ 42" for "… Hiệp hội các quốc gia Đông Nam Á (ASEAN) lần thứ 42"); the written form stays as an alias
    let name = written.replace(/\s*\([^)]*\)/gu, "").replace(/\s+/g, " ").trim()
      .split(" ").map((w) => w.replace(GLUED_ACRONYM, "$1 $2")).join(" ");
    // "Diễn đàn Du lịch ASEAN (ATF 2017)": the year the acronym carries is this meeting's, and the name's
    const yearInAcronym = /\s(\d{4})$/u.exec(parsed.acronym ?? "");
    if (yearInAcronym && !/(?<!\d)\d{4}(?!\d)/u.test(name)) name = `${name} ${yearInAcronym[1]}`;
    for (const b of parsed.bodies) {
      const written = slice(b.from, b.to);
      // only a long form gives way to the usual name: "EU" stays "EU"
      const entry = lexicon.organizationMatcher.matchAt(tokens, b.from)?.value;
      const acronym = entry?.aliases.find((a) => isAcronym(a) && !a.includes(" "));
      // … as the second party of a relationship ("ASEAN và EU"), not as the body that meets ("Hội đồng Điều phối ASEAN")
      const secondParty = ["và", "-", "–"].includes(lowerAt(tokens, b.from - 1));
      const usual = secondParty && acronym && acronym.length < b.name.length ? acronym : b.name;
      if (usual.length < written.length) name = name.replace(written, usual);
    }
    for (const p of parsed.plusLost) name = name.replace(p.written, p.name);
    // "lần thứ nhất", "Phiên thứ sáu": the name is written with the ordinal in digits, as the press also writes it
    if (parsed.ordinals.length === 1 && parsed.ordinalSpan) {
      const spelled = slice(parsed.ordinalSpan[0], parsed.ordinalSpan[1]);
      if (!/\d/.test(spelled)) name = name.replace(spelled, spelled.replace(/\S+$/u, String(parsed.ordinals[0])));
      else if (/^lần \d+$/iu.test(spelled)) name = name.replace(spelled, `lần thứ ${parsed.ordinals[0]}`);
    }
    if (name !== written) aliases.push(written);
    if (parsed.ordinals.length <= 1) {
      const mention: MeetingMention = { kind: "Meeting", start, end, sentence: sentence.index, name, aliases };
      if (parsed.ordinals[0] !== undefined) mention.ordinal = parsed.ordinals[0];
      if (seriesAcronym) mention.acronym = seriesAcronym;
      found.push(mention);
    } else {
      // one name per ordinal: "lần thứ 38 và 39" → "... lần thứ 38", "... lần thứ 39"
      const [a, b] = parsed.ordinalSpan!;
      const before = slice(headAt, a);
      const after = b < parsed.end ? ` ${slice(b, parsed.end)}` : "";
      for (const ordinal of parsed.ordinals) {
        found.push({ kind: "Meeting", start, end, sentence: sentence.index, name: `${before} lần thứ ${ordinal}${after}`, aliases: [], ordinal });
      }
    }
    i = Math.max(i, parsed.end - 1);
  }
  return found;
}
