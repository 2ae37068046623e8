// Every user-facing string, in English and Chinese, in one table.
import type { DateBasis } from '../corpus/types.ts';
import type { Command } from '../search/createSearch.ts';

export type Lang = 'en' | 'zh';

/** Discord locales: zh-CN (and zh-TW) read Chinese, everything else English. */
export function langOf(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** zh-TW (Taiwan) and zh-HK readers get the interface in Traditional characters. */
export function isTraditional(locale: string | undefined): boolean {
  return /^zh-(tw|hk|hant)/i.test(locale ?? '');
}

export type Subcommand = Command | 'ask' | 'timeline' | 'help';

/** The localised subcommand names, as Discord shows them when it cannot render a mention. */
const LOCAL_NAME: Record<Subcommand, string> = {
  ask: '提问',
  when: '何时',
  quote: '语录',
  who: '人物',
  timeline: '时间线',
  help: '帮助',
};

/**
 * A command mention: with the command's id Discord renders it clickable and in the reader's language;
 * without one (a message command, a button), the name as the reader's client shows it.
 */
export function mention(sub: Subcommand, lang: Lang, commandId?: string): string {
  if (commandId) return `</feud ${sub}:${commandId}>`;
  return lang === 'zh' ? `/恩怨 ${LOCAL_NAME[sub]}` : `/feud ${sub}`;
}

export interface HelpEntry {
  sub: Subcommand;
  what: string;
  examples: string[];
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
    appears: string;
    did: string;
  };
  sourceLabel: string;
  paragraph: (ref: string) => string;
  /** `where` is a command mention. */
  notFound: (where: string, query: string) => string;
  tryThese: string;
  problem: { empty: string; tooLong: (max: number) => string; unknownCommand: (c: string) => string };
  medium: Record<string, string>;
  commandTitle: Record<Subcommand, string>;
  resultOf: (i: number, n: number) => string;
  pageOf: (i: number, n: number) => string;
  onlyYou: string;
  readAs: (reading: string) => string;
  asked: (question: string) => string;
  share: string;
  delete: string;
  deleteNotYours: string;
  messageNoText: (hasAttachment: boolean, ask: string) => string;
  messageCut: (chars: number) => string;
  help: { title: string; intro: string; entries: (id?: string) => HelpEntry[]; footer: string };
  consoleHelp: string;
  noPaging: string;
  noList: string;
  noSuch: (count: number) => string;
  consoleLang: (locale: string) => string;
  previous: string;
  next: string;
  otherMatches: string;
  notYours: string;
  stale: string;
  unknownComponent: string;
  unsupported: (id?: string) => string;
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
      appears: 'Appears in',
      did: 'What they did',
    },
    sourceLabel: 'source',
    paragraph: (ref) => `¶${ref.replace(/^.*p/, '')}`,
    notFound: (where, query) => `No good match for “${query}” in ${where}.`,
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
    commandTitle: { ask: 'Ask', when: 'When', quote: 'Quote', who: 'Who', timeline: 'Timeline', help: 'Help' },
    resultOf: (i, n) => `Result ${i} of ${n}`,
    pageOf: (i, n) => `Page ${i} of ${n}`,
    onlyYou: '(only you can see this)',
    readAs: (reading) => `Read as: ${reading}`,
    asked: (question) => `Asked: “${question}”`,
    share: 'Share',
    delete: 'Delete',
    deleteNotYours: 'Only the person who asked can delete this answer.',
    messageNoText: (attachment, ask) =>
      attachment
        ? `That message has no text to ask about, only an image or attachment. Type your question with ${ask}.`
        : `That message has no text to ask about. Type your question with ${ask}.`,
    messageCut: (chars) => `The message is long (${chars} characters), so I asked its most question-like part.`,
    help: {
      title: 'feud-bot: questions about Musk and OpenAI',
      intro:
        'Answers come from one Chinese news article (March 2024), quoted verbatim, with the date, how we know it, and an English gloss. Ask in English, Chinese or pinyin; typos are fine.',
      entries: () => [
        {
          sub: 'ask',
          what: 'Any question in your own words; picks when, quote or who for you.',
          examples: ['who sued OpenAI?', '马斯克什么时候离开董事会?'],
        },
        {
          sub: 'when',
          what: 'When something happened, and how the date is known.',
          examples: ['GPT-2', 'musk leaves the board'],
        },
        {
          sub: 'quote',
          what: 'What someone said: real speech, by speaker or topic.',
          examples: ['LeCun', 'part ways'],
        },
        { sub: 'who', what: 'Who someone is and their part in the feud.', examples: ['Altman', '奥特曼'] },
        { sub: 'timeline', what: 'Every dated event, oldest first, eight to a page.', examples: [] },
      ],
      footer:
        'Right-click (or long-press) any message → Apps → “Ask feud-bot” to ask about it. private:True shows an answer only to you.',
    },
    consoleHelp: `feud-bot local console: no DISCORD_TOKEN is set, so nothing connects to Discord.
Type a command as you would in Discord and see the reply the bot would send:
  /feud when GPT-2     /feud quote LeCun     /feud who 奥特曼     /feud timeline
  /feud ask who sued openai     /feud help     /feud when gpt2 private:True
  next, prev, or a number: page through results or the timeline
  complete when gp: autocomplete     lang zh / lang zh-TW / lang en     help     exit
To answer on Discord: copy .env.example to .env, set DISCORD_TOKEN and
DISCORD_APPLICATION_ID, run "npm run deploy" once, then "npm start" again.
The README has the step-by-step.`,
    noPaging: 'nothing to page',
    noList: 'no list to choose from',
    noSuch: (count) => `choose a number from 1 to ${count}`,
    consoleLang: (locale) => `interface language: ${locale}`,
    previous: 'Previous',
    next: 'Next',
    otherMatches: 'Other matches',
    notYours: 'Only the person who asked can page through these results. Run the command yourself to get your own.',
    stale: 'These results are from an older version of the bot. Please run the command again.',
    unknownComponent: 'This control is not one of mine, or no longer works. Please run the command again.',
    unsupported: (id) =>
      `I answer ${(['ask', 'when', 'quote', 'who', 'timeline', 'help'] as const).map((c) => mention(c, 'en', id)).join(', ')} and “Ask feud-bot” on a message.`,
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
      appears: '出现在',
      did: '相关事件',
    },
    sourceLabel: '来源',
    paragraph: (ref) => `第${ref.replace(/^.*p/, '')}段`,
    notFound: (where, query) => `${where} 没有找到与“${query}”相符的内容。`,
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
    commandTitle: { ask: '提问', when: '时间', quote: '语录', who: '人物', timeline: '时间线', help: '帮助' },
    resultOf: (i, n) => `第 ${i} 条,共 ${n} 条`,
    pageOf: (i, n) => `第 ${i} 页,共 ${n} 页`,
    onlyYou: '(仅你可见)',
    readAs: (reading) => `理解为:${reading}`,
    asked: (question) => `提问:“${question}”`,
    share: '分享',
    delete: '删除',
    deleteNotYours: '只有提问的人可以删除这条回答。',
    messageNoText: (attachment, ask) =>
      attachment
        ? `这条消息没有可提问的文字,只有图片或附件。请用 ${ask} 输入你的问题。`
        : `这条消息没有可提问的文字。请用 ${ask} 输入你的问题。`,
    messageCut: (chars) => `这条消息很长(${chars} 个字符),我只问了其中最像问题的部分。`,
    help: {
      title: 'feud-bot:关于马斯克与OpenAI的问答',
      intro:
        '回答都来自一篇中文新闻(2024年3月),逐字引用原文,附上时间、时间的依据和英文概要。中文、英文、拼音都可以问,打错字也没关系。',
      entries: () => [
        {
          sub: 'ask',
          what: '用自己的话随便问,自动判断是问时间、语录还是人物。',
          examples: ['马斯克什么时候离开董事会?', '谁起诉了OpenAI?'],
        },
        { sub: 'when', what: '某件事什么时候发生,以及日期从何而知。', examples: ['GPT-2', '马斯克 董事会'] },
        { sub: 'quote', what: '谁说了什么:按说话人或话题查找真实的原话。', examples: ['杨立昆', '分道扬镳'] },
        { sub: 'who', what: '某人是谁,在这场恩怨中扮演什么角色。', examples: ['奥特曼', 'masike'] },
        { sub: 'timeline', what: '所有带日期的事件,按时间顺序,每页八条。', examples: [] },
      ],
      footer:
        '在任意消息上右键(或长按)→ 应用 →“向 feud-bot 提问”即可就这条消息提问。选择“仅自己可见”则只有你能看到回答。',
    },
    consoleHelp: `feud-bot 本地控制台:没有设置 DISCORD_TOKEN,所以不会连接 Discord。
像在 Discord 里一样输入命令,就能看到机器人会发送的回复:
  /feud when GPT-2     /feud quote 杨立昆     /feud who 奥特曼     /feud timeline
  /feud ask 谁起诉了OpenAI     /feud help     /feud when gpt2 private:True
  next、prev 或数字:翻页(结果或时间线)
  complete when gp:自动补全     lang zh / lang zh-TW / lang en     help     exit
要在 Discord 上回答:把 .env.example 复制为 .env,设置 DISCORD_TOKEN
和 DISCORD_APPLICATION_ID,运行一次 "npm run deploy",再运行 "npm start"。
README 里有详细步骤。`,
    noPaging: '没有可翻的页',
    noList: '没有可选的列表',
    noSuch: (count) => `请选择 1 到 ${count} 之间的数字`,
    consoleLang: (locale) => `界面语言:${locale}`,
    previous: '上一条',
    next: '下一条',
    otherMatches: '其他结果',
    notYours: '只有提问的人可以翻页。请自己运行这个命令。',
    stale: '这些结果来自旧版本的机器人,请重新运行命令。',
    unknownComponent: '这个按钮不是我的,或者已经失效。请重新运行命令。',
    unsupported: (id) =>
      `我只回答 ${(['ask', 'when', 'quote', 'who', 'timeline', 'help'] as const).map((c) => mention(c, 'zh', id)).join('、')},以及消息上的“向 feud-bot 提问”。`,
    badOption: 'query 选项必须是文本,请重试。',
    error: '回答时出错了,请重试。',
    cooldown: (s) => `提问太快了:请 ${s} 秒后再试。`,
    timelineEmpty: '没有带日期的事件。',
    footer: (title, publisher, published) => `${title} · ${publisher} · 发表于${published}`,
  },
};
