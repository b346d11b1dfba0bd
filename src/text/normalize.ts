// One spelling for Vietnamese text, applied at ingest to articles and to the lexicon alike:
// Unicode NFC, Đ (U+0110) instead of the look-alike Ð (U+00D0), and one tone-placement
// convention. Offsets everywhere refer to text normalised by this function.

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const VOWELS = "aăâeêioôơuưy";

/**
 * Tone placement: for the open syllables ending in "oa", "oe" and "uy" the press writes both
 * "hoà" and "hòa", "thuỷ" and "thủy". We keep the mark on the first vowel (hòa, thủy, Ủy),
 * the spelling most Vietnamese newsrooms use today. Closed syllables (hoàng, khuyến) and
 * "qu" + vowel (quý) have a single correct placement and are left alone.
 */
function placeTone(word: string): string {
  const decomposed = word.normalize("NFD");
  const toneMatch = TONE_MARKS.exec(decomposed);
  if (!toneMatch) return word;
  const tone = toneMatch[0];
  const bare = decomposed.replace(TONE_MARKS, "");
  const lower = bare.toLowerCase();
  const m = /(o)([ae])$|(u)(y)$/.exec(lower);
  if (!m) return word;
  const firstIndex = m.index;
  // "qu" + y: the u belongs to the consonant, the tone stays on y ("quý").
  if (m[3] && firstIndex > 0 && lower[firstIndex - 1] === "q") return word;
  // The pair must be the whole vowel nucleus ("khoe", "hoa"), not the tail of a longer one ("ngoai").
  const before = lower[firstIndex - 1];
  if (before !== undefined && VOWELS.includes(before)) return word;
  const rebuilt = bare.slice(0, firstIndex + 1) + tone + bare.slice(firstIndex + 1);
  return rebuilt.normalize("NFC");
}

/**
 * The only words the convention changes end in o/u followed by a toned a, e or y ("hoà",
 * "thuỷ"). The pair is found with a plain character class (fast on long texts), then the
 * word around it is rewritten.
 */
const NEW_STYLE_PAIR = /[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?!\p{L})/gu;
const LETTER = /\p{L}/u;

function placeTones(text: string): string {
  let out = "";
  let copied = 0;
  NEW_STYLE_PAIR.lastIndex = 0;
  for (let m = NEW_STYLE_PAIR.exec(text); m !== null; m = NEW_STYLE_PAIR.exec(text)) {
    let start = m.index;
    while (start > copied && LETTER.test(text[start - 1]!)) start--;
    const end = m.index + m[0].length;
    out += text.slice(copied, start) + placeTone(text.slice(start, end));
    copied = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** NFC, Đ not Ð, tone marks placed by one convention; length in code units may change only through NFC. */
export function normalizeVietnamese(text: string): string {
  return placeTones(text.normalize("NFC").replace(/\u00D0/g, "\u0110"));
}
