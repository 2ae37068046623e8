import { createApp } from '/work/main/src/app.ts';
import { toJson } from '/work/main/src/render/toJson.ts';
const app = createApp();
const [cmd, ...rest] = process.argv.slice(2);
const out = toJson(app.answer({ command: cmd!, query: rest.join(' ') })) as any;
console.log(out.read_as, '| note:', out.note, '| sugg:', out.suggestions);
for (const r of out.results ?? []) console.log('  ', r.score, r.title.slice(0, 60), '|', r.passage.slice(0, 40));
