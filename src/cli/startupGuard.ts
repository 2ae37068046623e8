// Runs a CLI entry point: a data or usage problem is one line on stderr, never a stack trace.
import { DataError } from '../corpus/dataError.ts';

export function startupGuard(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof DataError) process.stderr.write(`${name}: bad data: ${err.message}\n`);
      else if (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
        process.stderr.write(`${name}: ${err.message}\n`);
      } else process.stderr.write(`${name}: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = err instanceof DataError ? 78 : 2;
    },
  );
}
