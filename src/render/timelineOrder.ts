// The timeline's order: by each date's best estimate, so "c. 2018" (some time in 2018) falls after
// "February 2018" and "c. 2019–2024" after "February 2019"; equal estimates keep the narrative's order.
import type { Result } from '../answer/types.ts';
import type { DateContext } from '../corpus/types.ts';

/** A point in a date's span, in fractional years: its middle. */
function point(iso: string, end: boolean): number {
  const [y = 0, m, d] = iso.split('-').map(Number);
  if (m === undefined) return y + (end ? 1 : 0);
  if (d === undefined) return y + (m - (end ? 0 : 1)) / 12;
  return y + (m - 1) / 12 + (d - (end ? 0 : 1)) / 372;
}

/** The middle of the span a date covers: a bare year is its mid-year, a range its midpoint. */
export function estimate(date: DateContext | null): number {
  if (!date) return Infinity;
  return (point(date.start, false) + point(date.end ?? date.start, true)) / 2;
}

const narrative = (r: Result) => Number(r.ref.replace(/^.*p/, '')) || 0;

export function timelineOrder(events: readonly Result[]): Result[] {
  return events
    .map((r, i) => ({ r, i, at: estimate(r.date) }))
    .sort((a, b) => a.at - b.at || narrative(a.r) - narrative(b.r) || a.i - b.i)
    .map((x) => x.r);
}
