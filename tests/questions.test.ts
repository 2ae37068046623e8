// Question understanding: relations answered by the entity that fills the asked role, facts the article lacks
// answered with "no match" and a note, free-form questions routed, and the lexicon and facts checked
// against the article.
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Answer } from '../src/answer/types.ts';
import { Lexicon, latinWords } from '../src/question/lexicon.ts';
import { amountsIn } from '../src/question/amounts.ts';
import { normalize } from '../src/search/normalize.ts';

const app = createApp();
const corpus = app.corpus;

function found(answer: Answer) {
  expect(answer.kind, JSON.stringify(answer)).toBe('found');
  if (answer.kind !== 'found') throw new Error('not found');
  return answer.results;
}

describe('who: a relation question gets the entity that fills the asked role', () => {
  const table: [string, string, string][] = [
    ['who sued OpenAI', 'musk', '起诉'],
    ['Who took OpenAI and Altman to court?', 'musk', '告上了法庭'],
    ['谁把OpenAI告了?', 'musk', '起诉'],
    ['OpenAI被谁起诉了?', 'musk', '起诉'],
    // 被 typed in pinyin.
    ['OpenAI bei shei qisu le', 'musk', '起诉'],
    ['Who did Musk sue besides OpenAI and Altman?', 'brockman', '布罗克曼'],
    ['谁是Stripe的前CTO', 'brockman', 'Stripe前首席技术官'],
    ['Who used to run tech at Stripe as its CTO?', 'brockman', 'Stripe前首席技术官'],
    ['Who introduced Musk to Ilya over dinner?', 'altman', '晚餐会面'],
    ['Who did Altman introduce Musk to?', 'sutskever', '晚餐会面'],
    ['Who was president of Y Combinator?', 'altman', 'Y Combinator总裁'],
    ['谁是Y Combinator的老大?', 'altman', 'Y Combinator总裁'],
    // A person asked after an organisation alone: whom the article ties to it by a standing role.
    ["who's the stripe guy", 'brockman', 'Stripe前首席技术官'],
    // Two clauses, a standing role and a deed: the name each fact leaves out still ties the answer.
    ['who was the stripe cto that musk sued', 'brockman', '布罗克曼'],
    ['which person is from Y Combinator?', 'altman', 'Y Combinator总裁'],
    ['Which company put $1 billion into OpenAI?', 'microsoft', '10亿美元的投资'],
    ['Which carmaker did Musk want OpenAI merged into?', 'tesla', '合并OpenAI和特斯拉'],
    ['Who worked at Google before joining OpenAI?', 'sutskever', '前谷歌研究员'],
    // A name after "before" dates the deed; it is no party to it.
    ['Which company did Sutskever work for before OpenAI?', 'google', '前谷歌研究员'],
    ['深度学习三巨头之一是谁?', 'lecun', '三巨头'],
    ['谁说马斯克这么讲不负责任?', 'zuckerberg', '不负责任'],
    // Asked who said words: their speaker, before any deed the words name; words a quote reports of
    // someone else are theirs ("他随后告诉我们注定会失败" in OpenAI's post is Musk's).
    ['谁说过人工智能威胁论是蒙昧主义', 'lecun', '蒙昧主义'],
    ['who said only humans want control?', 'lecun', '控制的欲望'],
    ['谁说OpenAI注定会失败?', 'musk', '注定会失败'],
    // Asked whom the words are about: the one they were said of.
    ['OpenAI说谁是伪君子?', 'musk', '伪君子'],
    // A role at an organisation held by one person the facts name is that person ("the Y Combinator
    // president"), unless the role is what is asked or is said of someone named.
    ['which researcher did the Y Combinator president introduce Musk to?', 'sutskever', '晚餐会面'],
    ['Who was Stripe’s CTO?', 'brockman', 'Stripe前首席技术官'],
    // A year asked raises that year's facts.
    ['2019年谁给OpenAI砸了钱?', 'microsoft', '10亿美元'],
    // Words described without a name: their speaker.
    ['谁担心有人会滥用AGI?', 'sutskever', '滥用AGI'],
    // "criticize X for…" is criticism of X, not X drawing criticism; "showed X the door" ousts X.
    ['Who did LeCun criticize for spreading AI fear?', 'musk', '蒙昧主义'],
    ['Who got the 1 billion from Microsoft?', 'openai', '10亿美元'],
    // Whose product it is (哪家的, made by), as the article tells it.
    ['BERT是哪家的?', 'google', '谷歌的BERT'],
    ['ChatGPT is made by which company?', 'openai', 'ChatGPT'],
    // "who was X hoping to beat": X is the doer, the question asks for the other side.
    ['Who was OpenAI trying to beat in its early days?', 'google', '击败谷歌'],
    // "the ex-Google researcher" is the one asked about, not a name to replace.
    ['Who was the ex-Google researcher that OpenAI recruited?', 'sutskever', '前谷歌研究员'],
    // "跟谁", "with whom": the other party to the deed, whichever side of it they are on.
    ['马斯克说特斯拉在抢人这件事上跟谁竞争?', 'openai', '人才方面存在竞争'],
    ['With whom did Musk found OpenAI?', 'altman', '一拍即合'],
    // A deed that only dates the question ("before he joined", "加入…之前") is not the one asked.
    ['Where did Sutskever work before he joined OpenAI?', 'google', '前谷歌研究员'],
    ['伊利亚加入OpenAI以前在哪家公司上班?', 'google', '前谷歌研究员'],
    // "…的是谁" with nobody named before the deed asks who did it.
    ['觉得人工智能威胁论是蒙昧主义的人是谁?', 'lecun', '蒙昧主义'],
    // One name and no deed asks who that is.
    ['who is brockman again, the payments guy?', 'brockman', '布罗克曼'],
    ['杨立昆到底是何方神圣', 'lecun', '杨丽坤'],
    // The part someone plays, asked of them by name: their card.
    ['布罗克曼在这场闹剧里扮演了什么角色?', 'brockman', '布罗克曼'],
    ['What role did Zuck play in all this?', 'zuckerberg', '扎克伯格'],
    // A standing role the question states of a person: the fact confirms them.
    ['altman ran yc back then or something? who is he', 'altman', 'Y Combinator总裁'],
  ];
  it.each(table)('%s → %s', (question, entity, passage) => {
    const [top] = found(app.answer({ command: 'who', query: question }));
    expect(top?.id).toBe(`entity:${entity}`);
    expect(top?.passage).toContain(passage);
    expect(top?.highlights.every((h) => top.passage.includes(h))).toBe(true);
  });

  it('says nobody when the article does not name who did it', () => {
    const answer = app.answer({ command: 'who', query: 'Who left OpenAI because it was no longer open?' });
    expect(answer.kind).toBe('notFound');
    expect(answer.kind === 'notFound' && answer.note?.en).toMatch(/does not name/);
  });
});

describe('a fact the article lacks is no match, with a note on what it does hold', () => {
  const table: [string, string][] = [
    ['when', 'When did Musk buy Twitter?'],
    ['when', '馬斯克什麼時候買下推特?'],
    ['when', '马斯克啥时候买的推特?'],
    ['when', 'When did Microsoft hire Sam Altman?'],
    ['when', 'When did OpenAI release GPT-3?'],
    ['when', 'When did OpenAI countersue Musk?'],
    ['when', 'When did Microsoft invest $10 billion in OpenAI?'],
    ['when', 'When did Sutskever quit OpenAI?'],
    ['when', '马斯克什么时候撤诉的?'],
    ['when', 'when grok'],
    ['who', 'Who is the CEO of Google?'],
    ['who', 'Who is Satya Nadella?'],
    ['quote', 'What did Microsoft say about the lawsuit?'],
    ['quote', '纳德拉怎么评价这场官司?'],
    // A deed no word of the article tells (not in the lexicon, not in the vocabulary, not a typo of either).
    ['when', 'When did Musk rename Twitter?'],
    ['when', 'When did Altman praise Microsoft?'],
    // A deed done to a thing the article knows but no fact of that deed tells of.
    ['when', 'When did Musk start a BCI company?'],
    ['when', 'When did Musk set up Neuralink?'],
    // Deeds the lexicon knows and no fact reports.
    ['when', 'When did Zuckerberg challenge Musk to a cage fight?'],
    ['who', 'Who replaced Musk on the board?'],
    ['who', '谁接替了马斯克?'],
    ['when', 'When did OpenAI go public?'],
    ['when', '马斯克什么时候卖掉了OpenAI的股份?'],
    // A light verb hands the deed to the next word.
    ['when', 'When did Altman get married?'],
    // Lower-case product names after a deed are names the article lacks; everyday words there are not.
    ['when', 'when did xai roll out grok'],
    ['when', 'When did Musk launch starship?'],
    ['when', 'When was Sutskever president of Y Combinator?'],
    // Asked after someone's kin, whom the article never names.
    ['who', 'who is elon’s brother?'],
    ['who', '奥特曼的老公是谁'],
    ['who', '马斯克的前妻叫什么'],
    ['when', 'when did openai ship gpt-3?'],
    // A Latin name in a Chinese question is a name, wherever it stands; a count is no sum of money.
    ['who', 'Gemini是谁做的?'],
    ['when', 'When did ChatGPT reach 100 million weekly users?'],
    // A Chinese or pinyin deed the article's words lack, right after the question word or before 是 and it.
    ['when', '特斯拉啥时候上市的?'],
    ['when', '马斯克是哪一年结婚的'],
    ['when', '奥特曼离婚是哪年'],
    ['when', 'masike shenme shihou lihun de'],
    // A speaker's place holds a name, in any case; so does what a deed is done to; an unknown acronym is a name.
    ['quote', 'what did demis hassabis say about musk?'],
    ['quote', 'what does bengio think of openai?'],
    ['who', 'who runs anthropic these days?'],
    ['when', 'when did musk sue anthropic?'],
    ['who', 'Who is the CFO of Tesla?'],
    // An adverb before an unknown deed does not hide it.
    ['when', 'When did Musk quietly rename Twitter?'],
  ];
  it.each(table)('%s %s', (command, query) => {
    const answer = app.answer({ command, query });
    expect(answer.kind, JSON.stringify(answer).slice(0, 300)).toBe('notFound');
    if (answer.kind !== 'notFound') return;
    expect(answer.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('names what it lacks and what it holds instead', () => {
    const answer = app.answer({ command: 'when', query: 'When did Musk buy Twitter?' });
    if (answer.kind !== 'notFound') throw new Error(answer.kind);
    expect(answer.note?.en).toMatch(/^The article does not report “buy”/);
    expect(answer.note?.en).toContain(corpus.entityById.get('twitter')!.role.en);
    expect(answer.note?.zh).toMatch(/^文章没有说到/);
    const quotes = app.answer({ command: 'quote', query: 'What did Microsoft say about the lawsuit?' });
    if (quotes.kind !== 'notFound') throw new Error(quotes.kind);
    expect(quotes.note?.en).toMatch(/quotes no words of Microsoft/);
    expect(quotes.suggestions.length).toBeGreaterThan(0);
  });

  it('suggests what relates to the question: the nearest events to a year, the names asked about', () => {
    const year = app.answer({ command: 'when', query: 'What happened in 2020?' });
    if (year.kind !== 'notFound') throw new Error(year.kind);
    const dated = new Map(app.timeline().map((r) => [r.title.replace(/ \(.*$/, ''), r.date?.start ?? '']));
    const years = year.suggestions.map((s) => Number((dated.get(s) ?? '0').slice(0, 4)));
    expect(years.length).toBeGreaterThan(0);
    for (const y of years) expect(Math.abs(y - 2020)).toBeLessThanOrEqual(1);
    const twitter = app.answer({ command: 'when', query: 'When did Musk buy Twitter?' });
    if (twitter.kind !== 'notFound') throw new Error(twitter.kind);
    const labels = new Map(corpus.events.map((e) => [e.label.en, e.entities]));
    for (const s of twitter.suggestions)
      expect(labels.get(s)?.some((id) => id === 'musk' || id === 'twitter')).toBe(true);
  });

  it('names a name it lacks once, however it was typed', () => {
    const answer = app.answer({ command: 'when', query: 'When did Musk launch xAI?' });
    if (answer.kind !== 'notFound') throw new Error(answer.kind);
    expect(answer.note?.en).toMatch(/^The article does not mention xAI\. /);
  });

  it('says which deed it does not tell of, and still searches a misspelt verb it knows', () => {
    const renamed = app.answer({ command: 'when', query: 'When did Musk rename Twitter?' });
    if (renamed.kind !== 'notFound') throw new Error(renamed.kind);
    expect(renamed.note?.en).toMatch(
      /^The article does not tell of anyone doing “rename” with Elon Musk and Twitter\./,
    );
    const misspelt = found(app.answer({ command: 'when', query: 'When did Musk laeve the board?' }));
    expect(misspelt[0]?.date?.start).toMatch(/^2018/);
  });

  it('keeps model names and sums exact', () => {
    const gpt2 = found(app.answer({ command: 'when', query: 'When did OpenAI release GPT-2?' }));
    expect(gpt2[0]?.date?.start).toMatch(/^2019-02/);
    const billion = found(app.answer({ command: 'when', query: 'When did Microsoft invest $1 billion in OpenAI?' }));
    expect(billion[0]?.passage).toContain('10亿美元');
  });
});

describe('a quote is found by the words users call it by, in either language', () => {
  it.each([
    ['老马说微软把OpenAI捏在手里的那句', 'musk-closed-source-microsoft'],
    ['马斯克说AI会灭绝人类那句', 'musk-ai-kill-us-all'],
    ['Musk line about the dragon slayer becoming the dragon', 'musk-lawsuit-dragon'],
    // A name with no verb of saying after it is a topic, not a speaker with no quotes.
    ['tesla = only hope against google?? the exact line pls', 'musk-email-tesla-google'],
  ])('%s → %s', (query, id) => {
    expect(found(app.answer({ command: 'quote', query }))[0]?.id).toBe(`quote:${id}`);
  });
});

describe('a quote question asks about its topic, whatever verb of saying it uses', () => {
  it.each(['open source', 'Microsoft', 'the dragon', 'his donation', 'the only route to keep pace with Google'])(
    'What did Musk claim / argue about %s? is what he said about it',
    (topic) => {
      const top = (verb: string) =>
        found(app.answer({ command: 'quote', query: `What did Musk ${verb} about ${topic}?` }))[0]?.id;
      expect(top('claim')).toBe(top('say'));
      expect(top('argue')).toBe(top('say'));
    },
  );
});

describe('when and quote follow the action and the speaker asked about', () => {
  it.each([
    ['When did Musk take OpenAI to court?', '2024'],
    ['马斯克啥时候撤资的?', '2018'],
    ['When did Musk get pushed out of the board?', '2018-02'],
    ['OpenAI啥时候弄了个能赚钱的公司?', '2019'],
    // Told only by Musk's own words (his 2015 email, quoted in a 2024 paragraph): dated by the words.
    ['When did Musk promise a billion dollars?', '2015'],
    ['马斯克什么时候承诺给OpenAI十亿美元的?', '2015'],
  ])('when: %s → %s', (query, year) => {
    const [top] = found(app.answer({ command: 'when', query }));
    expect(top?.date?.start.startsWith(year)).toBe(true);
  });

  it.each([
    ['Altman 怎么 diss Musk 的?', 'altman'],
    ['What did Zuckerberg think of Musk?', 'zuckerberg'],
    ['杨立昆对AI威胁论说了啥?', 'lecun'],
  ])('quote: %s → a quote by %s', (query, speaker) => {
    const results = found(app.answer({ command: 'quote', query }));
    expect(results.every((r) => r.speaker?.id === speaker)).toBe(true);
  });

  it.each([
    ['特斯拉跟OpenAI抢人才那条推文怎么说的?', 'musk', '人才'],
    ['What did the email about Google and Facebook spending say?', 'musk', '谷歌或脸书'],
  ])('quote: %s → the message its medium names, by %s', (query, speaker, words) => {
    const [top] = found(app.answer({ command: 'quote', query }));
    expect(top?.speaker?.id).toBe(speaker);
    expect(top?.passage).toContain(words);
  });

  it('says how every answer read the question', () => {
    const answer = app.answer({ command: 'when', query: 'when did musk leave the board' });
    if (answer.kind !== 'found') throw new Error(answer.kind);
    expect(answer.reading?.text.en).toBe('when · Elon Musk · leave');
    expect(answer.reading?.text.zh).toBe('何时 · 马斯克 · 离开');
  });
});

describe('/feud ask routes a free-form question to the subcommand that answers it', () => {
  it.each([
    ['who sued openai', 'who'],
    ['when did musk leave the board', 'when'],
    ['what did LeCun say about AI?', 'quote'],
    ['奥特曼说了马斯克什么?', 'quote'],
    ['马斯克什么时候离开董事会?', 'when'],
    ['谁是布罗克曼', 'who'],
    ['Musk griping that he gave $100M to a nonprofit', 'quote'],
    ['#event:gpt-2', 'when'],
    // A date put as a yes/no question asks when; how someone was portrayed asks for words.
    ['was it around 2019 that Microsoft put money in?', 'when'],
    ['Is it 2018 when Musk walked away from the board?', 'when'],
    ['How did OpenAI portray Musk in its reply?', 'quote'],
    ['What is Musk saying about Microsoft these days?', 'quote'],
    // A "when" inside a question another English question word opens is a clause of time.
    ['who was running Y Combinator when OpenAI started?', 'who'],
    ['How did OpenAI describe Musk when it replied?', 'quote'],
  ])('%s → %s', (query, command) => {
    const answer = app.answer({ command: 'ask', query });
    expect(answer.kind).not.toBe('invalid');
    if (answer.kind === 'invalid') return;
    expect(answer.routed).toBe(true);
    expect(answer.command).toBe(command);
  });

  it('answers exactly what the subcommand would', () => {
    const asked = app.answer({ command: 'ask', query: 'who sued openai' });
    const direct = app.answer({ command: 'who', query: 'who sued openai' });
    expect({ ...asked, routed: undefined }).toEqual({ ...direct, routed: undefined });
  });

  it('offers whole questions in its autocomplete, each finding exactly its result', () => {
    const offered = app.complete('ask', 'altman');
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.some((r) => r.title === 'Who is Sam Altman?')).toBe(true);
    for (const r of offered.slice(0, 5)) {
      expect(r.title).toMatch(/^(Who is|What did|When:) /);
      const answer = app.answer({ command: 'ask', query: `#${r.id}` });
      expect(answer.kind === 'found' && answer.results[0]?.id).toBe(r.id);
    }
  });

  it('ranks across the subcommands when the words do not say', () => {
    const answer = app.answer({ command: 'ask', query: 'GPT-2' });
    expect(answer.kind).toBe('found');
  });
});

describe('the lexicon and the facts agree with the article', () => {
  const lexicon = new Lexicon(corpus.actions);
  const read = (text: string) => {
    const n = normalize(text);
    return lexicon.match(n, latinWords(n)).flatMap((s) => s.actions);
  };

  it.each([
    ['took OpenAI to court', 'sue'],
    ['dragged them into court', 'sue'],
    ['把OpenAI告上了法庭', 'sue'],
    ['bailed on funding', 'stop-funding'],
    ['撤资', 'stop-funding'],
    ['got the boot', 'oust'],
    ['被踢出董事会', 'oust'],
    ['吃饭', 'meet'],
    ['怼', 'criticise'],
    ['rolled out', 'release'],
    ['bankrolled', 'fund'],
  ])('reads "%s" as %s', (text, action) => {
    expect(read(text)).toContain(action);
  });

  it('does not read 告 in 告诉 or 书 in a name as an action', () => {
    expect(read('他告诉我们')).not.toContain('sue');
  });

  it('finds every fact’s evidence verbatim in its paragraph, and names at least one of its entities there', () => {
    for (const f of corpus.facts) {
      const para = corpus.byRef.get(f.ref)!;
      expect(para.text, f.id).toContain(f.evidence);
      const names = [...f.agent, ...f.patient, ...f.other].flatMap((id) => {
        const e = corpus.entityById.get(id)!;
        return [e.name.zh, ...e.article, ...e.renderings];
      });
      // A quote needs no name in its paragraph: its speaker is checked with the quotes.
      const speaker = corpus.quotes.find((q) => q.id === f.quote)?.speaker;
      const named = names.some((n) => para.text.includes(n)) || (speaker !== undefined && f.agent.includes(speaker));
      if (names.length > 0) expect(named, f.id).toBe(true);
    }
  });

  it('states every sum of a fact in its paragraph', () => {
    for (const f of corpus.facts.filter((x) => x.amount !== undefined)) {
      expect(amountsIn(normalize(corpus.byRef.get(f.ref)!.text)), f.id).toContain(f.amount);
    }
  });

  it('gives every action an English and a Chinese label, and every fact an action of the lexicon', () => {
    const ids = new Set(corpus.actions.map((a) => a.id));
    for (const f of corpus.facts) for (const a of f.action) expect(ids.has(a), `${f.id}: ${a}`).toBe(true);
  });
});

describe('pinyin passives and filler words', () => {
  it.each([
    ['masike na yi nian bei ti chu OpenAI dongshihui', /^2018-02/],
    ['when was the openai lp thing', /^2019-03/],
    ['when did the chatgpt stuff happen', /^2023/],
    // Pinyin question words are scaffolding, and a pinyin particle after the verb names nothing.
    ['openai shi na nian chengli de', /^2015/],
    ['weiruan shenme shihou touzi OpenAI de', /^2019-07/],
    // Everyday words after a deed are no product the article lacks ("debut its second…").
    ['What month did OpenAI debut its second GPT model, GPT-2?', /^2019-02/],
    // A nickname people use for a company.
    ['When did Redmond write OpenAI that billion-dollar check?', /^2019-07/],
    // The lexicon's Chinese words reach pinyin even where the article words it otherwise (开除, 入股).
    ['masike shenme shihou bei kaichu de', /^2018-02/],
    ['weiruan shi na nian rugu openai de', /^2019-07/],
    ['微软啥时候入股的OpenAI', /^2019-07/],
    ['When did ChatGPT become the hottest thing around?', /^2023/],
    // Going public about something is speaking out, not an IPO.
    ['When did Musk go public about splitting with OpenAI?', /^2019-02/],
    // A deed granted in passing is not the one asked about.
    ['Despite his big 2015 pledge, when did Musk cut off the money?', /^2018/],
    ['尽管承诺过给钱,马斯克啥时候断供OpenAI的?', /^2018/],
    // No name, but two deeds single out the event.
    ['when was the ceo ousted and then reinstated?', /^2023/],
    // A Chinese deed the article words otherwise still answers when the lexicon knows it.
    ['老马被董事会一脚踢开是哪年哪月来着', /^2018-02/],
    ['OpenAI和谷歌比拼那阵子是啥时候?', /^201/],
    // A pronoun before 是 points back at the whole story, and anger is criticism (气到不行).
    ['ChatGPT火了以后马斯克很不爽,那是哪一年?', /^2023/],
    // OpenAI LP asked by its paraphrases (营利实体, profit cap).
    ['OpenAI搞了个营利子公司是哪一年?', /^2019/],
    // A thing pointed at (那次…) names an event, not a deed.
    ['马斯克那次被董事会踢出局是哪一年?', /^2018/],
    // Demanding damages is the lawsuit.
    ['When did Musk demand damages from OpenAI?', /^2024/],
    // The first time something happened: of the facts that fit alike, the earliest.
    ['When did OpenAI get money for the very first time?', /^2015/],
    ['OpenAI最早拿到钱是哪年?', /^2015/],
    // Musk was to keep funding OpenAI after he left its board (reported in the 2018 paragraph).
    ['When did OpenAI say Musk would keep giving money and guidance?', /^2018-02/],
    // A story told in order: the deed after its last "then" is the one asked about.
    ['musk pushed to run openai himself, got turned down, and then was booted off the board: when?', /^2018-02/],
    ['马斯克想合并OpenAI和特斯拉,后来被踢出董事会,是哪年哪月?', /^2018-02/],
    ['so elon tried to fold openai into tesla, the cofounders said no, then he got booted. when?', /^2018-02/],
    // A "then" with no deed after it is part of a description.
    ['the sam fired-then-rehired saga, what year?', /^2023/],
    // A model name misspelt with its number right is that model; another number is not.
    ['when did openai ship gtp-2?', /^2019-02/],
    // "back then" is a time, not backing.
    ['musk left the board back then, when was it', /^2018-02/],
  ])('%s', (query, start) => {
    const results = found(app.answer({ command: 'when', query }));
    expect(results[0]?.date?.start).toMatch(start);
  });
});
