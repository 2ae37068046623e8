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

/** A count of things, not of money: "100 million users", "1亿用户". */
const COUNTED_EN =
  /^\s*(users|people|subscribers|followers|views|downloads|visitors|members|employees|staff|words|articles|tokens|parameters|params|copies|units|weights|times)\b/;
const COUNTED_ZH = /^\s*(用户|人|粉丝|次|篇|条|个参数|参数|员工|下载)/;

export function amountsIn(normalized: string): number[] {
  const out: number[] = [];
  const counted = (m: RegExpMatchArray, re: RegExp) => re.test(normalized.slice(m.index! + m[0].length));
  for (const m of normalized.matchAll(/\b(\d+(?:\.\d+)?|a|one|an)\s?(thousand|million|billion|bn|mn|mil|[kmb])\b/g)) {
    if (counted(m, COUNTED_EN)) continue;
    const n = /^\d/.test(m[1]!) ? Number(m[1]) : 1;
    out.push(n * SCALE_EN[m[2]!]!);
  }
  for (const m of normalized.matchAll(/(\d+(?:\.\d+)?|[一两二三四五六七八九十百]+)\s?(?:个)?(亿|万)/g)) {
    if (counted(m, COUNTED_ZH)) continue;
    out.push(hanNumber(m[1]!) * (m[2] === '亿' ? 1e8 : 1e4));
  }
  return [...new Set(out)];
}
