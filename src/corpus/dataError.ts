// A data problem, reported as one line naming the file, the entry and the field.
import type * as z from 'zod';

export class DataError extends Error {
  override readonly name = 'DataError';
  constructor(
    readonly file: string,
    readonly entry: string | undefined,
    readonly field: string | undefined,
    readonly problem: string,
  ) {
    const where = [entry === undefined ? undefined : `entry ${entry}`, field].filter(Boolean).join(', field ');
    // One line, always: Node's JSON errors quote the source across line breaks.
    super(`${file}: ${where ? `${where}: ` : ''}${problem.replace(/\s*\n\s*/g, ' ')}`);
  }
}

/** Turns the first zod issue into a DataError that names the entry (index and id, when it has one). */
export function fromZod(file: string, data: unknown, error: z.ZodError): DataError {
  const issue = error.issues[0];
  if (issue === undefined) return new DataError(file, undefined, undefined, 'invalid');
  const [head, ...rest] = issue.path;
  let entry: string | undefined;
  let fieldPath = issue.path;
  if (head !== undefined) {
    const item: unknown = data !== null && typeof data === 'object' ? Reflect.get(data, head) : undefined;
    const id: unknown = item !== null && typeof item === 'object' && 'id' in item ? item.id : undefined;
    entry = typeof head === 'number' ? `#${head + 1}${typeof id === 'string' ? ` (${id})` : ''}` : String(head);
    fieldPath = rest;
  }
  const field = fieldPath.length ? fieldPath.map(String).join('.') : undefined;
  return new DataError(file, entry, field, issue.message);
}

export function parseWith<S extends z.ZodType>(schema: S, file: string, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw fromZod(file, data, result.error);
  return result.data;
}
