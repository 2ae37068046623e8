// One log line per event: time, level, message, then key=value fields. Secrets never reach it.
import type { LogLevel } from './config/env.ts';

export type Level = Exclude<LogLevel, 'silent'>;
export type Fields = Record<string, unknown>;
export type Logger = (level: Level, message: string, fields?: Fields) => void;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function format(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(value.stack ?? value.message);
  if (typeof value === 'string') return /^[\w.:/@-]*$/.test(value) && value !== '' ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

export function createLogger(
  min: LogLevel = 'info',
  write: (line: string) => void = (l) => process.stderr.write(l),
): Logger {
  return (level, message, fields = {}) => {
    if (ORDER[level] < ORDER[min]) return;
    const rest = Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => ` ${k}=${format(v)}`)
      .join('');
    write(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${rest}\n`);
  };
}
