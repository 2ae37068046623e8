// npm start without the startup snapshot: `node dist/main.js` (what `npm run dev` and a Node.js other than the
// one that built dist/ run). It builds the app from the corpus snapshot, then serves as src/serve.ts says.
import { start } from './serve.ts';

start();
