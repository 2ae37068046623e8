// The question's scaffolding ("when did", "tell me about", "是哪一年", "到底"), taken off before the engine searches.

const ENGLISH = new RegExp(
  `\\b(${[
    'when (did|was|were|is|does|do|will|has|had)',
    'what (year|month|day|date)( did| was| were| is)?',
    'which year',
    'in what year',
    'how long ago',
    'who (is|was|are|were|did|does|has)',
    'whos',
    'whom',
    'whose',
    'what (did|does|has|was|is|were)',
    'whats',
    'how (did|does|do|was|is)',
    'tell me( more)?( about)?',
    'give me( some)? (background|info|information|details|the lowdown|a rundown|an overview)( on| about)?',
    '(some )?(background|info|the lowdown|a rundown) on',
    'what do you know about',
    'who exactly is',
    'i keep hearing',
    'ok so',
    'so like',
    'when was that',
    'show me',
    '(can|could) you',
    'do you know',
    'i (remember|heard|think|read|recall)',
    'remind me',
    'the article (mentions|mention|says|said|mentioned)',
    'according to the article',
    'in the article',
    '(some|the|that) (guy|person|dude|man|one)',
    'who was that',
    'what was that',
    'or so',
    'right',
    'exactly',
    'actually',
    'ever',
    'again',
    'please',
    'to the tune of',
    'that was',
    // A date put as a yes/no question: "was it 2016 that…" (the year still counts; the "was" is no passive).
    '(was|is|did) (it|that|this) (in |around |back in )?(early |late |mid )?(19|20)\\d\\d( that| when)?',
    // The part someone plays: "what role did X play", "X's role in all this", "who is he".
    'what (role|part) (did|does|do|has)',
    'play(ed|s)? in (this|all this|the story|the feud|it)',
    '(role|part) in (this|all this|the story|the feud|it)( all)?',
    'who (is|was) (he|she|that|this)',
    'or (sth|something|smth)',
    // A time, not backing: "back then", "way back in 2015".
    '(way )?back (then|when|in the day|in)',
    // Speaking out, not an IPO: "went public on Twitter about…".
    '(go|goes|going|went|gone) public (on|about|with)',
    // Pinyin question words: "openai shi na yi nian chengli de".
    'shi na ?(yi ?)?nian',
    'na ?(yi ?)?nian',
    '(shen ?me|sha) ?shi ?hou',
    'ji ?ji ?nian',
    'shi shei',
    'shei shi',
  ].join('|')})\\b`,
  'g',
);

const CHINESE =
  /什么时候|什麼時候|啥时候|是哪一年|哪一年|是哪年|哪年|几几年|是谁|谁是|是干嘛的|是干啥的|干嘛的|干啥的|是做什么的|说了啥|说了什么|说什么|说啥|怎么说|咋说|到底|究竟|请问|我记得|听说|能贴出来看看吗|能不能|是真是假|的事|是啥时候|是什么时候|(在|于)?(这出戏|这场戏|这事儿?|这件事|这场(闹剧|大戏|纷争|风波|恩怨))(里|中|当中)?|(扮演|充当|算)了?(个)?(啥|什么|怎样的|哪种)(样的)?角色|是(啥|什么)角色|什么来头|啥来头/g;

const blank = (m: string) => ' '.repeat(m.length);

/** The scaffolding blanked out, every other character where it was (positions stay comparable). */
export function scaffoldBlanked(normalized: string): string {
  return normalized.replace(ENGLISH, blank).replace(CHINESE, blank);
}

export function scaffoldFree(normalized: string): string {
  const out = scaffoldBlanked(normalized).replace(/\s+/g, ' ').trim();
  return out === '' ? normalized : out;
}
