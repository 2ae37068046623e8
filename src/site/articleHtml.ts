// The annotated article as one HTML page: pure, takes the corpus and the article's lines (noise included).
// Everything the page needs is inline or beside it under assets/: no request leaves the page's own origin.
import type { Corpus, Paragraph, QuoteEntry } from '../corpus/types.ts';
import type { Entity } from '../corpus/schema.ts';
import { dateLine } from '../render/dateText.ts';
import { MESSAGES, type Lang } from '../render/messages.ts';
import { SITE_TEXT, type SiteText } from './siteText.ts';

export type ArticleLine =
  | { kind: 'paragraph'; paragraph: Paragraph; removed?: { text: string; reason: string } }
  | { kind: 'noise'; text: string; reason: string };

export interface SiteAssets {
  timeline: Record<Lang, string>;
  fonts: { regular: string; bold: string };
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One interface string in both languages; CSS shows the one the toggle picked. */
const both = (pick: (t: SiteText) => string, tag = 'span'): string =>
  `<${tag} class="en">${esc(pick(SITE_TEXT.en))}</${tag}><${tag} class="zh">${esc(pick(SITE_TEXT.zh))}</${tag}>`;

const bothText = (en: string, zh: string): string =>
  `<span class="en">${esc(en)}</span><span class="zh">${esc(zh)}</span>`;

/** An anchor-safe id for a paragraph ref ("p35", or "source:p12" for a second article). */
export const anchorOf = (ref: string): string => ref.replace(/[^\w-]/g, '-');

interface Names {
  /** Longest first, so 伊利亚·苏茨基弗 wins over 伊利亚. */
  names: { text: string; entity: Entity }[];
}

function entityNames(corpus: Corpus): Names {
  const names = corpus.entities.flatMap((e) => [e.name.zh, ...e.article].map((text) => ({ text, entity: e })));
  return { names: names.sort((a, b) => b.text.length - a.text.length) };
}

/** Paragraph text with entity names linked to their cards (longest match first, never overlapping). */
function linkNames(text: string, { names }: Names): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const hit = names.find((n) => text.startsWith(n.text, i));
    if (hit) {
      out += `<a class="entity" href="#entity-${hit.entity.id}">${esc(hit.text)}</a>`;
      i += hit.text.length;
    } else {
      out += esc(text[i]!);
      i += 1;
    }
  }
  return out;
}

/** The paragraph with its quotes highlighted (and their speaker named) and entity names linked. */
function paragraphBody(p: Paragraph, quotes: QuoteEntry[], corpus: Corpus, names: Names): string {
  const spans = quotes
    .map((q) => ({ q, at: p.text.indexOf(q.text) }))
    .filter((s) => s.at >= 0)
    .sort((a, b) => a.at - b.at);
  let out = '';
  let pos = 0;
  for (const { q, at } of spans) {
    if (at < pos) continue;
    const speaker = corpus.entityById.get(q.speaker);
    const who = speaker ? `${speaker.name.en} (${speaker.name.zh})` : q.speaker;
    const medium = MESSAGES.en.medium[q.medium] ?? q.medium;
    out += linkNames(p.text.slice(pos, at), names);
    out +=
      `<mark class="quote" title="${esc(`${who} · ${medium}: ${q.en}`)}">${linkNames(q.text, names)}</mark>` +
      `<span class="speaker">— ${esc(speaker?.name.zh ?? q.speaker)} <span class="en">${esc(speaker?.name.en ?? '')}</span></span>`;
    pos = at + q.text.length;
  }
  return out + linkNames(p.text.slice(pos), names);
}

function paragraphHtml(line: Extract<ArticleLine, { kind: 'paragraph' }>, corpus: Corpus, names: Names): string {
  const p = line.paragraph;
  const source = corpus.sources.find((s) => s.id === p.sourceId);
  const quotes = corpus.quotes.filter((q) => q.ref === p.ref);
  const published = (lang: Lang) => (lang === 'zh' ? source?.published.labelZh : source?.published.label) ?? '';
  const number = MESSAGES.en.paragraph(p.ref);
  const tag = p.kind === 'title' ? 'h1' : p.kind === 'heading' ? 'h2' : 'p';
  const removed = line.removed
    ? ` <del class="noise" title="${esc(line.removed.reason)}">${esc(line.removed.text)}</del><span class="reason">${both((t) => t.removed)}: ${esc(line.removed.reason)}</span>`
    : '';
  const english = quotes.map((q) => `<li>「${esc(q.text)}」 — ${esc(q.en)}</li>`).join('');
  return `<section class="para ${p.kind}" id="${anchorOf(p.ref)}" data-ref="${esc(p.ref)}">
<aside class="margin">
<a class="num" href="#${anchorOf(p.ref)}">${esc(number)}</a>
<div class="section">${bothText(p.section.en, p.section.zh)}</div>
<div class="when"><b>${both((t) => t.when)}</b> ${bothText(dateLine(p.date, 'en', published('en')), dateLine(p.date, 'zh', published('zh')))}</div>
</aside>
<div class="body">
<${tag} class="text" lang="zh-CN">${paragraphBody(p, quotes, corpus, names)}${removed}</${tag}>
<p class="gloss" lang="en"><b>${both((t) => t.gloss)}</b> ${esc(p.gloss)}</p>${english ? `\n<ul class="quotes" lang="en">${english}</ul>` : ''}
</div>
</section>`;
}

function noiseHtml(line: Extract<ArticleLine, { kind: 'noise' }>): string {
  return `<section class="para noise-line">
<aside class="margin"><span class="num">${both((t) => t.removed)}</span></aside>
<div class="body"><p class="text" lang="zh-CN"><del class="noise">${esc(line.text)}</del></p>
<p class="reason">${both((t) => t.why)}: ${esc(line.reason)}</p></div>
</section>`;
}

function entityCard(e: Entity): string {
  const names = [e.name.zh, ...e.article.filter((a) => a !== e.name.zh)].map(esc).join(' · ');
  return `<div class="card" id="entity-${e.id}">
<h3>${esc(e.name.en)} <span lang="zh-CN">${names}</span></h3>
<p>${bothText(e.role.en, e.role.zh)}</p>
<p class="intro">${both((t) => t.introduced)} <a href="#${anchorOf(e.ref)}">${esc(MESSAGES.en.paragraph(e.ref))}</a></p>
</div>`;
}

const STYLE = `
@font-face{font-family:"Noto Sans SC";font-weight:400;src:url("{regular}") format("truetype")}
@font-face{font-family:"Noto Sans SC";font-weight:700;src:url("{bold}") format("truetype")}
:root{--ink:#1e293b;--muted:#64748b;--line:#e2e8f0;--mark:#ede9fe;--accent:#6d28d9}
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans SC",sans-serif;color:var(--ink);line-height:1.7;background:#fff}
html[data-ui="en"] .zh,html[data-ui="zh"] .en{display:none}
header{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:.6rem 1rem;display:flex;gap:1rem;align-items:center}
header h1{font-size:1.1rem;margin:0;flex:1}
#lang-toggle{font:inherit;border:1px solid var(--accent);color:var(--accent);background:#fff;border-radius:999px;padding:.2rem .9rem;cursor:pointer}
main{max-width:72rem;margin:0 auto;padding:1rem}
.intro-text{color:var(--muted)}
figure{margin:1rem 0}figure img{width:100%;max-width:60rem;height:auto;border:1px solid var(--line)}
.para{display:grid;grid-template-columns:15rem 1fr;gap:1.2rem;padding:.8rem 0;border-top:1px solid var(--line);scroll-margin-top:4rem}
.para:target{background:#faf5ff}
.margin{font-size:.8rem;color:var(--muted)}
.num{font-weight:700;color:var(--accent);text-decoration:none;font-size:1rem}
.text{margin:0;font-size:1.05rem}h1.text{font-size:1.6rem}h2.text{font-size:1.3rem}
.gloss{margin:.4rem 0 0;color:#334155;font-size:.95rem}
.quote{background:var(--mark);border-radius:.2rem;padding:0 .1rem}
.speaker{font-size:.8rem;color:var(--accent);margin:0 .3rem}
.quotes{font-size:.85rem;color:var(--muted);margin:.3rem 0 0;padding-left:1.2rem}
a.entity{color:inherit;text-decoration:underline dotted var(--accent)}
del.noise{color:#b91c1c}
.reason{display:block;font-size:.8rem;color:#b91c1c}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:.8rem}
.card{border:1px solid var(--line);border-radius:.5rem;padding:.6rem .8rem;scroll-margin-top:4rem}
.card:target{border-color:var(--accent)}
.card h3{margin:0;font-size:1rem}.card p{margin:.3rem 0;font-size:.9rem}
@media (max-width:48rem){.para{grid-template-columns:1fr;gap:.3rem}}
`;

const SCRIPT = `
(function(){
  var root=document.documentElement, button=document.getElementById('lang-toggle');
  function set(lang){
    root.dataset.ui=lang; root.lang=lang==='zh'?'zh-CN':'en';
    try{localStorage.setItem('feud-ui',lang)}catch(e){}
  }
  var asked=new URLSearchParams(location.search).get('lang');
  var saved=null; try{saved=localStorage.getItem('feud-ui')}catch(e){}
  set(asked==='zh'||asked==='en'?asked:saved||((navigator.language||'').indexOf('zh')===0?'zh':'en'));
  button.addEventListener('click',function(){set(root.dataset.ui==='zh'?'en':'zh')});
})();
`;

export function articleHtml(corpus: Corpus, lines: readonly ArticleLine[], assets: SiteAssets): string {
  const names = entityNames(corpus);
  const source = corpus.sources[0];
  const body = lines.map((l) => (l.kind === 'paragraph' ? paragraphHtml(l, corpus, names) : noiseHtml(l))).join('\n');
  const style = STYLE.replace('{regular}', assets.fonts.regular).replace('{bold}', assets.fonts.bold);
  const img = (lang: Lang) =>
    `<img class="${lang}" src="${esc(assets.timeline[lang])}" alt="${esc(SITE_TEXT[lang].timelineAlt)}" width="1200">`;
  return `<!doctype html>
<html lang="en" data-ui="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(source?.title ?? '')} · ${esc(source?.titleEn ?? '')}</title>
<style>${style}</style>
</head>
<body>
<header><h1>${both((t) => t.heading)}</h1><button id="lang-toggle" type="button">${both((t) => t.toggle)}</button></header>
<main>
<p class="intro-text">${esc(source?.title ?? '')} · ${esc(source?.titleEn ?? '')} · ${esc(source?.publisher ?? '')} · ${bothText(source?.published.label ?? '', source?.published.labelZh ?? '')}</p>
<p class="intro-text">${both((t) => t.intro)}</p>
<figure id="timeline">${img('en')}${img('zh')}</figure>
${body}
<h2 id="entities">${both((t) => t.entities)}</h2>
<div class="cards">
${corpus.entities.map(entityCard).join('\n')}
</div>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
