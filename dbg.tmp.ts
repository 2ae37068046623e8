import { readFileSync } from 'node:fs';
import { loadCorpus } from './src/io/readData.ts';
import { createSearch } from './src/search/createSearch.ts';
import { Lexicon } from './src/question/lexicon.ts';
import { QuestionReader } from './src/question/analyze.ts';
const c = loadCorpus();
const s = createSearch(c);
const r = new QuestionReader(c, new Lexicon(c.actions), (t) => s.resolve(t));
const qs = readFileSync(process.argv[2]!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
for (const q of qs) {
  if (process.argv[3] && !q.id.startsWith(process.argv[3])) continue;
  const a = r.read(q.query);
  console.log(q.id, q.command, JSON.stringify(q.query), '\n   type', a.type, '| acts', a.actions.map((x) => `${x.text}=${x.actions.join('/')}`).join(' '), '| ents', a.mentions.map((m) => `${m.entity}:${m.role}${m.definite ? '!' : ''}`).join(' '), '| unk', a.unknown.join(','), '| amt', a.amounts.join(','), '| asked', a.asked, '| topic', a.topic);
}
