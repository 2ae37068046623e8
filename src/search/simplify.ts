// Traditional → Simplified Chinese for queries (馬斯克 → 马斯克), with OpenCC, the standard converter.
import { Converter } from 'opencc-js/t2cn';

let convert: ((text: string) => string) | undefined;

function converter(): (text: string) => string {
  // typescript-eslint cannot follow opencc-js's extensionless type imports; tsc types this call fine.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
  const ready: (text: string) => string = convert ?? Converter({ from: 'tw', to: 'cn' });
  convert = ready;
  return ready;
}

/** Loads OpenCC's dictionaries (~40 ms) ahead of the first Traditional query, off the hot path. */
export function warmSimplifier(): void {
  converter()('臺');
}

export function toSimplified(text: string): string {
  return converter()(text);
}
