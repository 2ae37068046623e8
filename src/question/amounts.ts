// Sums of money in a question, in US dollars: "$10 billion", "a billion dollars", "10个亿", "十亿美元", "$100M".

const SCALE_EN: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  mil: 1e6,
  billion: 1e9,
  b: 1e9,
  bn: 1e9,
};
const HAN_DIGITS: Record<string, number> = {
  一: 1,
  两: 2,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

function hanNumber(s: string): number {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === '十') return 10;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = HAN_DIGITS[ch] ?? 0;
  }
  return total + digit;
}

export function amountsIn(normalized: string): number[] {
  const out: number[] = [];
  for (const m of normalized.matchAll(/\b(\d+(?:\.\d+)?|a|one|an)\s?(thousand|million|billion|bn|mn|mil|[kmb])\b/g)) {
    const n = /^\d/.test(m[1]!) ? Number(m[1]) : 1;
    out.push(n * SCALE_EN[m[2]!]!);
  }
  for (const m of normalized.matchAll(/(\d+(?:\.\d+)?|[一两二三四五六七八九十百]+)\s?(?:个)?(亿|万)/g)) {
    out.push(hanNumber(m[1]!) * (m[2] === '亿' ? 1e8 : 1e4));
  }
  return [...new Set(out)];
}
