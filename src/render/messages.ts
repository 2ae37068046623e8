// Every user-facing string, in English and Chinese, in one table.
import type { DateBasis } from '../corpus/types.ts';
import type { Command } from '../search/createSearch.ts';

export type Lang = 'en' | 'zh';

/** Discord locales: zh-CN (and zh-TW) read Chinese, everything else English. */
export function langOf(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

interface Strings {
  basis: Record<DateBasis, string>;
  inherited: (evidence: string | undefined, ref: string) => string;
  acrossSection: string;
  alsoReading: string;
  undated: string;
  fields: {
    when: string;
    where: string;
    gloss: string;
    speaker: string;
    english: string;
    role: string;
    source: string;
  };
  paragraph: (ref: string) => string;
  notFound: (command: Command, query: string) => string;
  tryThese: string;
  problem: { empty: string; tooLong: (max: number) => string; unknownCommand: (c: string) => string };
  medium: Record<string, string>;
  commandTitle: Record<Command | 'timeline', string>;
  resultOf: (i: number, n: number) => string;
  previous: string;
  next: string;
  otherMatches: string;
  notYours: string;
  stale: string;
  unknownComponent: string;
  unsupported: string;
  badOption: string;
  error: string;
  cooldown: (seconds: number) => string;
  timelineEmpty: string;
  footer: (title: string, publisher: string, published: string) => string;
}

export const MESSAGES: Record<Lang, Strings> = {
  en: {
    basis: {
      stated: 'stated in the text',
      relative: 'relative to publication',
      narrative: 'approximate, from the narrative',
      external: 'known external date',
    },
    inherited: (evidence, ref) => (evidence ? `nearest earlier date “${evidence}”, ${ref}` : `carried from ${ref}`),
    acrossSection: 'carried across a section heading',
    alsoReading: 'Also',
    undated: 'No date: the article does not say',
    fields: {
      when: 'When',
      where: 'Where',
      gloss: 'In English',
      speaker: 'Speaker',
      english: 'Translation',
      role: 'Role',
      source: 'Source',
    },
    paragraph: (ref) => `¶${ref.replace(/^.*p/, '')}`,
    notFound: (command, query) => `No good match for “${query}” in /feud ${command}.`,
    tryThese: 'Try',
    problem: {
      empty: 'Please type something to search for.',
      tooLong: (max) => `That query is too long: ${max} characters at most.`,
      unknownCommand: (c) => `Unknown command “${c}”: use when, quote or who.`,
    },
    medium: {
      tweet: 'tweet',
      email: 'email',
      lawsuit: 'lawsuit',
      interview: 'interview',
      'blog post': 'blog post',
      statement: 'statement',
      speech: 'remark',
    },
    commandTitle: { when: 'When', quote: 'Quote', who: 'Who', timeline: 'Timeline' },
    resultOf: (i, n) => `Result ${i} of ${n}`,
    previous: 'Previous',
    next: 'Next',
    otherMatches: 'Other matches',
    notYours: 'Only the person who asked can page through these results. Run the command yourself to get your own.',
    stale: 'These results are from an older version of the bot. Please run the command again.',
    unknownComponent: 'This control is not one of mine, or no longer works. Please run the command again.',
    unsupported: 'I only answer /feud when, /feud quote, /feud who and /feud timeline.',
    badOption: 'The query option must be text. Please try again.',
    error: 'Something went wrong while answering. Please try again.',
    cooldown: (s) => `You are asking quickly: try again in ${s} s.`,
    timelineEmpty: 'No dated events.',
    footer: (title, publisher, published) => `${title} · ${publisher} · published ${published}`,
  },
  zh: {
    basis: {
      stated: '原文写明',
      relative: '相对发布时间推算',
      narrative: '据上下文推断(约)',
      external: '外部已知日期',
    },
    inherited: (evidence, ref) => (evidence ? `前文最近的日期“${evidence}”,${ref}` : `沿用${ref}的日期`),
    acrossSection: '跨越了章节标题',
    alsoReading: '另见',
    undated: '无日期:原文未说明',
    fields: {
      when: '时间',
      where: '出处',
      gloss: '英文概要',
      speaker: '说话人',
      english: '英译',
      role: '角色',
      source: '来源',
    },
    paragraph: (ref) => `第${ref.replace(/^.*p/, '')}段`,
    notFound: (command, query) => `/feud ${command} 没有找到与“${query}”相符的内容。`,
    tryThese: '试试',
    problem: {
      empty: '请输入要搜索的内容。',
      tooLong: (max) => `查询太长:最多 ${max} 个字符。`,
      unknownCommand: (c) => `未知命令“${c}”:请用 when、quote 或 who。`,
    },
    medium: {
      tweet: '推文',
      email: '电子邮件',
      lawsuit: '诉状',
      interview: '采访',
      'blog post': '博客文章',
      statement: '声明',
      speech: '发言',
    },
    commandTitle: { when: '时间', quote: '语录', who: '人物', timeline: '时间线' },
    resultOf: (i, n) => `第 ${i} 条,共 ${n} 条`,
    previous: '上一条',
    next: '下一条',
    otherMatches: '其他结果',
    notYours: '只有提问的人可以翻页。请自己运行这个命令。',
    stale: '这些结果来自旧版本的机器人,请重新运行命令。',
    unknownComponent: '这个按钮不是我的,或者已经失效。请重新运行命令。',
    unsupported: '我只回答 /feud when、/feud quote、/feud who 和 /feud timeline。',
    badOption: 'query 选项必须是文本,请重试。',
    error: '回答时出错了,请重试。',
    cooldown: (s) => `提问太快了:请 ${s} 秒后再试。`,
    timelineEmpty: '没有带日期的事件。',
    footer: (title, publisher, published) => `${title} · ${publisher} · 发布于${published}`,
  },
};
