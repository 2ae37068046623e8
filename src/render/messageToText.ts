// A Discord message payload → terminal text, so the console shows exactly what the bot would send.
import { ComponentType, type APIInteractionResponse } from 'discord-api-types/payloads/v10';
import { MESSAGES, type Lang } from './messages.ts';
import { localText } from './traditional.ts';

// A command mention reads as the command it names; escaped markdown as the character.
const unescape = (s: string) => s.replace(/<\/(feud \w+):\d+>/g, '/$1').replace(/\\([\\*_~`|>#[\]()-])/g, '$1');

/** Bold (**…**) becomes ANSI bold on a terminal that has colour, plain text elsewhere. */
function bold(s: string, ansi: boolean): string {
  const parts = s.split('**');
  return parts.map((p, i) => (i % 2 === 1 && ansi ? `\x1b[1m${unescape(p)}\x1b[22m` : unescape(p))).join('');
}

export function responseToText(
  response: APIInteractionResponse,
  ansi = false,
  lang: Lang = 'en',
  traditional = false,
): string {
  if (!('data' in response) || !response.data) return `(response type ${response.type})`;
  const data = response.data;
  const lines: string[] = [];
  if ('choices' in data) {
    return (data.choices ?? []).map((c, i) => `${i + 1}. ${c.name}`).join('\n') || '(no suggestions)';
  }
  if (!('embeds' in data || 'content' in data)) return `(response type ${response.type})`;
  if ('flags' in data && data.flags && (Number(data.flags) & 64) !== 0)
    lines.push(localText(MESSAGES[lang].onlyYou, traditional));
  if (data.content) lines.push(bold(data.content, ansi));
  for (const e of data.embeds ?? []) {
    if (e.title) lines.push(ansi ? `\x1b[1m${unescape(e.title)}\x1b[22m` : unescape(e.title));
    // The passage is a block quote in Discord; on a terminal it reads as a quotation.
    if (e.description) {
      lines.push(
        ...e.description.split('\n').map((l) => (l.startsWith('> ') ? `「${bold(l.slice(2), ansi)}」` : bold(l, ansi))),
      );
    }
    for (const f of e.fields ?? []) lines.push(`${unescape(f.name)}: ${bold(f.value, ansi).replace(/\n/g, '\n  ')}`);
    if (e.footer?.text) lines.push(`— ${e.footer.text}`);
  }
  for (const row of data.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const c of row.components) {
      if (c.type === ComponentType.Button && 'label' in c) lines.push(`[${c.label}${c.disabled ? ' (disabled)' : ''}]`);
      if (c.type === ComponentType.StringSelect) {
        lines.push(`${c.placeholder ?? 'Choose'}:`, ...c.options.map((o) => `  ${o.label}${o.default ? '  ◀' : ''}`));
      }
    }
  }
  return lines.join('\n');
}
