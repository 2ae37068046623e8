// Words that carry no topic: dropped from queries before matching.

export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  `a an the of to in on at for by with about and or but is are was were be been being am
   did do does done doing when what whats who whom whose which why how where whe
   say said says saying tell told me my us we our you your it its this that these those there
   their they them he she his her him i from as into onto than then so if not no
   quote quotes happen happened happens date dates time year years day month
   after before during did any some all will would can could should may might
   get got has have had also just very much more most really please
   feud story article become becomes became becoming everyone here make makes made
   thing things stuff
   lol lmao rofl tbh ngl idk imo imho btw pls plz bruh bro yo hey hmm hmmm uh um gonna wanna gotta
   kinda sorta ya yea yeah yep nah thx ty rn fr smh omg wtf ppl cuz coz tho u ur`
    .split(/\s+/)
    .filter(Boolean),
);

/** Question words typed in pinyin ("aoteman shi shei"): 是, 谁, 的, 了, 什么, 时候, 说… */
export const PINYIN_STOPWORDS: ReadonlySet<string> = new Set(
  'shi shei shui de le ne ba ma a ya shenme shihou shenmeshihou shuo shuole guanyu zenme weishenme nage naxie nian na'.split(
    ' ',
  ),
);

export const CHINESE_STOPWORDS: ReadonlySet<string> = new Set([
  '什么时候',
  '什么',
  '时候',
  '何时',
  '哪年',
  '哪一年',
  '哪天',
  '几时',
  '是谁',
  '谁',
  '谁是',
  '说了什么',
  '说了',
  '说过',
  '说',
  '讲',
  '的',
  '了',
  '吗',
  '呢',
  '吧',
  '啊',
  '是',
  '在',
  '和',
  '与',
  '关于',
  '怎么',
  '怎样',
  '为什么',
  '如何',
  '哪些',
  '哪个',
  '有',
  '被',
  '把',
  '对',
  '他',
  '她',
  '它',
  '他们',
  '这',
  '那',
  '这个',
  '那个',
  '一个',
  '请问',
  '发生',
  '发生了',
  '时间',
  '日期',
  '几月',
  '几号',
  '变成',
  '成为',
  '变为',
  '变得',
  '怎么样',
  // Pointing words: "马斯克这么讲", "那样做" say nothing of what is asked.
  '这么',
  '那么',
  '这样',
  '那样',
  '这些',
  '那些',
  '一下',
  '一些',
  // Time words of the asker's own day ("今天天气怎么样"), not the story's: the article's own 今天 and
  // 最近 are dated relative to publication, and a question should not match on them.
  '今天',
  '今晚',
  '明天',
  '昨天',
  '现在',
]);
