// The timeline picture's own words, in English and Chinese (the interface strings stay in render/messages.ts).
import type { Lang } from '../render/messages.ts';

export interface ChartText {
  title: string;
  subtitle: (events: number, article: string, publisher: string, published: string) => string;
  year: (y: number) => string;
  paragraph: (ref: string) => string;
  alsoRead: (label: string) => string;
  legend: { stated: string; approximate: string; range: string; alternative: string };
}

const paragraph = (ref: string): string => `¶${ref.replace(/^.*p/, '')}`;

export const CHART_TEXT: Record<Lang, ChartText> = {
  en: {
    title: 'The Musk–OpenAI feud, 2015–2024',
    subtitle: (n, article, publisher, published) => `${n} dated events in “${article}”, ${publisher}, ${published}`,
    year: (y) => String(y),
    paragraph,
    alsoRead: (label) => `also read as ${label}`,
    legend: {
      stated: 'date stated or known',
      approximate: 'approximate',
      range: 'a span of time',
      alternative: 'the other reading',
    },
  },
  zh: {
    title: '马斯克与OpenAI之争,2015–2024年',
    subtitle: (n, article, publisher, published) => `《${article}》(${publisher},${published})中的${n}个有日期的事件`,
    year: (y) => `${y}年`,
    paragraph,
    alsoRead: (label) => `另一读法:${label}`,
    legend: {
      stated: '日期明确或已知',
      approximate: '大致日期',
      range: '一段时间',
      alternative: '另一种读法',
    },
  },
};
