// Prints the facts the extraction finds, with the row that found each and its sentence: to see
// why a relation is found or missed. Usage: tsx scripts/show-facts.ts DIR [ARTICLE-ID-PREFIX] [WORDS-IN-SENTENCE]
import { extractArticle } from "../src/extract/extract-article.ts";
import { loadLexicon } from "../src/extract/lexicon.ts";
import { readFolder } from "../src/ingest/read-folder.ts";

const [dir, id, needle] = process.argv.slice(2);
if (!dir) throw new Error("usage: tsx scripts/show-facts.ts DIR [ARTICLE-ID-PREFIX] [WORDS-IN-SENTENCE]");
const folder = await readFolder(dir);
for (const article of folder.articles) {
  if (id && !article.id.startsWith(id)) continue;
  const extraction = extractArticle(article, loadLexicon());
  for (const f of extraction.facts) {
    const sentence = extraction.sentences[f.sentence]!;
    if (needle && !sentence.text.includes(needle)) continue;
    console.log(`${article.id} ${f.type} ${f.from.name} -> ${f.to.name} [${f.pattern} ${f.confidence}] :: ${sentence.text.slice(0, 200)}`);
  }
}
