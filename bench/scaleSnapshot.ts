// One size of `npm run bench -- --scale`: writes the snapshot start-up loads, as `npm run build:index` does,
// without the timeline pictures it also draws (a thousand articles' timeline is no picture anyone needs).
import { writeSnapshot } from '../src/io/indexSnapshot.ts';

process.stdout.write(`${writeSnapshot(process.argv[2])}\n`);
