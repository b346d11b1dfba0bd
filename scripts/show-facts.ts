// Prints the facts the extraction finds, with the row that found each and its sentence: to see
// why a relation is found or missed. Usage: tsx scripts/show-facts.ts DIR [ARTICLE-ID-PREFIX] [WORDS-IN-SENTENCE] [--mentions]
// (--mentions: also the names recognised in each matching sentence, as the frames see them)
import { extractArticle } from "../src/extract/extract-article.ts";
import { loadLexicon } from "../src/extract/lexicon.ts";
import { readFolder } from "../src/ingest/read-folder.ts";

const showMentions = process.argv.includes("--mentions");
const [dir, id, needle] = process.argv.slice(2).filter((a) => a !== "--mentions");
if (!dir) throw new Error("usage: tsx scripts/show-facts.ts DIR [ARTICLE-ID-PREFIX] [WORDS-IN-SENTENCE]");
const folder = await readFolder(dir);
for (const article of folder.articles) {
  if (id && !article.id.startsWith(id)) continue;
  const extraction = extractArticle(article, loadLexicon());
  if (showMentions) {
    for (const s of extraction.sentences) {
      if (needle && !s.text.includes(needle)) continue;
      const names = extraction.mentions.filter((m) => m.sentence === s.index).map((m) => `${m.kind}${m.nested ? "(nested)" : ""}:${article.body.slice(m.start, m.end)}${m.name !== article.body.slice(m.start, m.end) ? `=${m.name}` : ""}`);
      console.log(`${article.id} #${s.index} :: ${s.text.slice(0, 200)}\n    ${names.join(" | ")}`);
    }
  }
  for (const f of extraction.facts) {
    const sentence = extraction.sentences[f.sentence]!;
    if (needle && !sentence.text.includes(needle)) continue;
    console.log(`${article.id} ${f.type} ${f.from.name} -> ${f.to.name} [${f.pattern} ${f.confidence}] :: ${sentence.text.slice(0, 200)}`);
  }
}
