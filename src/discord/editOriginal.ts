// HTTP mode's second step for a reply with files: PATCH the deferred reply (@original) with a multipart body.
// The interaction token authorises it; no bot token and no discord.js needed.
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { AttachedFile } from '../interactions/handleInteraction.ts';

export const DISCORD_API = 'https://discord.com/api';

export interface EditTarget {
  applicationId: string;
  token: string;
}

/** The edit body: a message edit takes no flags (ephemerality was fixed by the deferral). */
function editBody(data: APIInteractionResponseCallbackData): Omit<APIInteractionResponseCallbackData, 'flags'> {
  const { flags: _flags, ...rest } = data;
  return rest;
}

/** The same message without its picture: what the user gets when the upload itself fails. */
export function withoutFiles(data: APIInteractionResponseCallbackData): APIInteractionResponseCallbackData {
  const { attachments: _attachments, ...rest } = data;
  return { ...rest, embeds: data.embeds?.map(({ image: _image, ...embed }) => embed) };
}

// Discord may not have recorded the deferral when the edit arrives (the two race): Unknown Message (404) is retried.
const RETRY_DELAYS_MS = [250, 1_000];

export async function editOriginal(
  apiBase: string,
  target: EditTarget,
  data: APIInteractionResponseCallbackData,
  files: readonly AttachedFile[],
): Promise<void> {
  const url = `${apiBase.replace(/\/+$/, '')}/v10/webhooks/${target.applicationId}/${target.token}/messages/@original`;
  for (let attempt = 0; ; attempt++) {
    const form = new FormData();
    form.append('payload_json', JSON.stringify(editBody(data)));
    files.forEach((f, i) => form.append(`files[${i}]`, new Blob([f.data], { type: f.contentType }), f.name));
    const res = await fetch(url, { method: 'PATCH', body: form });
    if (res.ok) return;
    const text = await res.text();
    const delay = RETRY_DELAYS_MS[attempt];
    if (res.status !== 404 || delay === undefined)
      throw new Error(`PATCH @original: ${res.status} ${text.slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
