// dist/ask.js: the ask CLI without the startup snapshot (`npm run ask` runs it from the snapshot).
import { runAsk } from './askCommand.ts';
import { startupGuard } from './startupGuard.ts';

startupGuard('ask', () => runAsk(process.argv.slice(2)));
