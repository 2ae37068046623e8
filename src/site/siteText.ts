// The article page's interface words, in English and Chinese; the page shows one set at a time (the toggle).
import type { Lang } from '../render/messages.ts';

export interface SiteText {
  heading: string;
  intro: string;
  toggle: string;
  timeline: string;
  timelineAlt: string;
  paragraph: string;
  section: string;
  when: string;
  gloss: string;
  removed: string;
  why: string;
  entities: string;
  introduced: string;
  speaker: string;
}

export const SITE_TEXT: Record<Lang, SiteText> = {
  en: {
    heading: 'The annotated article',
    intro:
      'Every paragraph of the article as published, with its date and how we know it, an English gloss, the quotes and who said them, and the lines that were removed as noise and why.',
    toggle: '中文',
    timeline: 'Timeline',
    timelineAlt: 'Timeline of the Musk–OpenAI feud, 2015–2024: every dated event in the article',
    paragraph: 'Paragraph',
    section: 'Section',
    when: 'When',
    gloss: 'In English',
    removed: 'Removed',
    why: 'why',
    entities: 'People and organisations',
    introduced: 'introduced in',
    speaker: 'Speaker',
  },
  zh: {
    heading: '带注释的原文',
    intro: '文章的每一段原文,附日期及其依据、英文释义、引语及说话人,以及作为噪声删去的行和删去的原因。',
    toggle: 'English',
    timeline: '时间线',
    timelineAlt: '马斯克与OpenAI之争时间线(2015–2024年):文中每个有日期的事件',
    paragraph: '段落',
    section: '章节',
    when: '时间',
    gloss: '英文释义',
    removed: '已删除',
    why: '原因',
    entities: '人物与机构',
    introduced: '首次介绍于',
    speaker: '说话人',
  },
};
