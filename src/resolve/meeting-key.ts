// The matching form of a meeting's name beyond folding: the spellings the press uses for one
// name made one (meetings.json keyRewrites: "thượng đỉnh" = "cấp cao", "các nước ASEAN" =
// "ASEAN", "Nghị sỹ" = "Nghị sĩ") and ordinals in words made digits ("lần thứ hai" = "2").
import { foldDiacritics } from "../text/fold.ts";
import { memoized } from "../text/memo.ts";
import { loadLexicon } from "../extract/lexicon.ts";

let ordinalPattern: RegExp | undefined;
let ordinalByWord: Map<string, number> | undefined;

/** `folded` is a name already through foldName ("lần thứ 37" → "37"). Remembered per name (text/memo.ts). */
export const meetingKeyName = memoized((folded: string): string => {
  const grammar = loadLexicon().meetingGrammar;
  if (!ordinalPattern || !ordinalByWord) {
    ordinalByWord = new Map([...grammar.ordinalWords].map(([w, n]) => [foldDiacritics(w), n]));
    ordinalPattern = new RegExp(`\\b(?:lan )?thu (\\d{1,3}|${[...ordinalByWord.keys()].join("|")})\\b`, "g");
  }
  const byWord = ordinalByWord;
  let key = folded.replace(ordinalPattern, (_, n: string) => String(/^\d/.test(n) ? Number(n) : byWord.get(n)));
  for (const [pattern, replacement] of grammar.keyRewrites) key = key.replace(pattern, replacement);
  return key.replace(/\s+/g, " ").trim();
});
