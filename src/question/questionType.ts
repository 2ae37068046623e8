// What kind of answer a question asks for, from its question words alone (English, Chinese, pinyin).
import type { Command } from '../search/createSearch.ts';

export type QuestionType = 'when' | 'who' | 'quote' | 'why' | 'howMuch' | 'what';

/** Ordered: the first pattern that matches decides ("who said" is a quote, "when did X say" is a when). */
const PATTERNS: Array<[QuestionType, RegExp]> = [
  [
    'when',
    /\b(when|what (year|month|date|day)|which year|how long ago|since when)\b|\b(was|is|did) (it|that|this) (in |around |back in )?(early |late |mid )?(19|20)\d\d\b|什么时候|什麼時候|啥时候|啥時候|哪年|哪一年|几几年|幾幾年|何时|何時|哪天|几月|幾月|时间是|\b(shen ?me ?shi ?hou|sha ?shi ?hou|(shi )?na ?(yi ?)?nian|ji ?ji ?nian|na ?tian|ji ?yue)\b/u,
  ],
  [
    'quote',
    /\b(what did|what does|what has|what was|how did|how does)\b.*\b(say|said|says|saying|tweet|tweeted|tweeting|write|wrote|writing|post|posted|think|thought|call|called|calling|reply|replied|respond|responded|react|reacted|describe|described|sum|put it|warn|warned|claim|claimed|claiming|argue|argued|diss|dissed|roast|roasted|brand|branded|label|labeled|labelled|paint|painted|portray|portrayed|characterize|characterise|characterized|characterised|mean|meant)\b|\b(quote|quotes|words|exact words|original words|line|lines|remark|remarks|comment|comments|one-liner)\b|说了啥|说了什么|說了什麼|说过什么|说什么|说啥|怎么说|怎麼說|咋说|咋說|怎么评价|怎麼評價|咋评价|咋評價|怎么看|怎麼看|咋看|怎么怼|咋怼|原话|原話|发推说|怎么回应|怎么回复|shuo le shenme|shuole shenme|zenme shuo/u,
  ],
  [
    'who',
    /\b(who|whom|whose|which (?!year|month|day|date|time)[a-z]+)\b|谁|誰|哪位|哪家|哪个人|哪個人|哪些人|是干嘛的|是干啥的|是做什么的|\bshei\b|\bshui\b|\bshi ?sha ?jue ?se\b/u,
  ],
  ['why', /\b(why|how come)\b|为什么|為什麼|为啥|為啥|怎么会|咋回事/u],
  ['howMuch', /\b(how much|how many)\b|多少|几个亿|幾個億/u],
];

/** An English question word opening the question ("who's the dude that ran YC when…", "how did … when…"). */
const OPENER = /^\W*(?:so |ok |ok so |hey |and )?(who|whom|whose|which|what|how)\b/;

export function questionType(text: string): QuestionType | undefined {
  const lower = text.toLowerCase();
  for (const [type, re] of PATTERNS) {
    const m = re.exec(lower);
    if (!m) continue;
    // "when" in the middle of a question another English question word opens is a clause of time, not the ask.
    if (type === 'when' && m.index > 0 && /^[a-z]/.test(m[0]) && OPENER.test(lower)) continue;
    return type;
  }
  return undefined;
}

/** The subcommand a question type is answered by; undefined when the words do not say (ask ranks across). */
export function commandFor(type: QuestionType | undefined): Command | undefined {
  if (type === 'when') return 'when';
  if (type === 'who') return 'who';
  if (type === 'quote') return 'quote';
  // "Why did Musk leave?" and "how much did Microsoft invest?" are answered by the event that tells it.
  if (type === 'why' || type === 'howMuch') return 'when';
  return undefined;
}
