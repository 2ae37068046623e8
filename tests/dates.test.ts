import { describe, expect, it } from 'vitest';
import { dateInText, dateLabel, inherit, makeDate } from '../src/corpus/dates.ts';
import { loadCorpus } from '../src/io/readData.ts';
import { dateLine } from '../src/render/dateText.ts';
import { createApp } from '../src/app.ts';

const pub = { start: '2024-03' };
const corpus = loadCorpus();
const para = (ref: string) => {
  const p = corpus.byRef.get(ref);
  if (!p) throw new Error(`no ${ref}`);
  return p;
};
const byText = (needle: string) => {
  const p = corpus.paragraphs.find((x) => x.text.includes(needle));
  if (!p) throw new Error(`no paragraph with ${needle}`);
  return p;
};

describe('reading dates out of the text', () => {
  it('reads a stated year and month', () => {
    expect(dateInText('因此在2018年2月,马斯克被踢出局', pub)).toMatchObject({
      start: '2018-02',
      precision: 'month',
      basis: 'stated',
      evidence: '2018年2月',
      label: 'February 2018',
    });
  });

  it('reads 去年 and 最近 relative to publication', () => {
    expect(dateInText('去年,奥特曼回归', pub)).toMatchObject({ start: '2023', basis: 'relative', evidence: '去年' });
    expect(dateInText('最近科技圈最热的话题', pub)).toMatchObject({ start: '2024-03', basis: 'relative' });
  });

  it('takes the first date the paragraph gives', () => {
    expect(dateInText('最近马斯克起诉OpenAI,附上了自2015年成立以来的邮件', pub)?.evidence).toBe('最近');
  });

  it('finds no date where there is none', () => {
    expect(dateInText('马斯克和OpenAI之间爆发了一场重大冲突。', pub)).toBeNull();
  });

  it('labels ranges and approximations in both languages', () => {
    expect(dateLabel('2023-11-17', '2023-11-22', 'day')).toEqual({
      en: '17–22 November 2023',
      zh: '2023年11月17日至2023年11月22日',
    });
    expect(dateLabel('2015', undefined, 'year', true)).toEqual({ en: 'c. 2015', zh: '约2015年' });
  });

  it('marks an inherited date approximate and flags a crossed heading', () => {
    const from = makeDate({ start: '2015', precision: 'year', basis: 'stated', evidence: '2015年' });
    expect(inherit(from, 'p11', true)).toMatchObject({
      basis: 'narrative',
      approximate: true,
      crossesSection: true,
      from: 'p11',
    });
  });
});

describe('the corpus date context', () => {
  it('dates the board exit from the text itself', () => {
    expect(byText('因此在2018年2月').date).toMatchObject({ start: '2018-02', basis: 'stated' });
  });

  it('carries a date down the narrative, approximately', () => {
    const dinner = byText('晚餐会面');
    expect(dinner.date).toMatchObject({ start: '2015', basis: 'narrative', approximate: true });
  });

  it('flags a date carried across a section heading', () => {
    const tweet = byText('最好分道扬镳');
    expect(tweet.date?.crossesSection).toBe(true);
  });

  it('never takes the spam 2021 for a date', () => {
    for (const p of corpus.paragraphs) expect(p.date?.start.startsWith('2021') ?? false).toBe(false);
  });

  it('shows both readings where the narrative and the known date disagree', () => {
    const tweet = corpus.quotes.find((q) => q.text.includes('分道扬镳'));
    expect(tweet?.date).toMatchObject({ start: '2019-02-17', basis: 'external' });
    expect(tweet?.date?.alternative).toMatchObject({ basis: 'narrative', start: '2018' });
    const line = dateLine(tweet?.date ?? null, 'en', 'early March 2024');
    expect(line).toContain('17 February 2019');
    expect(line).toContain('Also:');
    expect(line).toContain('2018');
  });

  it('orders the timeline by date, not by narrative order', () => {
    const timeline = createApp(corpus).timeline();
    const starts = timeline.map((r) => r.date?.start ?? '');
    expect(starts).toEqual([...starts].sort());
    const gpt2 = byText('2019年2月,OpenAI推出了');
    const microsoft = byText('2019年7月');
    // The article tells the July 2019 investment before the February 2019 GPT-2 launch.
    expect(Number(gpt2.ref.slice(1))).toBeGreaterThan(Number(microsoft.ref.slice(1)));
    const at = (ref: string) =>
      timeline.findIndex((r) => r.ref === ref && r.date?.start.startsWith(ref === gpt2.ref ? '2019-02' : '2019-07'));
    expect(at(gpt2.ref)).toBeGreaterThanOrEqual(0);
    expect(at(gpt2.ref)).toBeLessThan(at(microsoft.ref));
  });

  it('resolves curated overrides with their note', () => {
    expect(para('p25').date).toMatchObject({ basis: 'narrative', start: '2018' });
    expect(para('p25').date?.note).toMatch(/2015/);
  });
});
