// Canned HTTP answers in the shapes Discord really sends, for routes and for injected faults.

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON; leave out for an empty body. */
  body?: unknown;
}

export const noContent: FakeResponse = { status: 204 };

export function json(body: unknown, status = 200): FakeResponse {
  return { status, body };
}

/** Discord's error JSON: `{ message, code }`, plus `errors` for 50035 Invalid Form Body. */
export function discordError(status: number, code: number, message: string, errors?: unknown): FakeResponse {
  return { status, body: errors === undefined ? { message, code } : { message, code, errors } };
}

export const unauthorized = (): FakeResponse => discordError(401, 0, '401: Unauthorized');
export const notFound = (): FakeResponse => discordError(404, 0, '404: Not Found');
export const unknownInteraction = (): FakeResponse => discordError(404, 10062, 'Unknown interaction');
export const unknownWebhook = (): FakeResponse => discordError(404, 10015, 'Unknown Webhook');
export const unknownMessage = (): FakeResponse => discordError(404, 10008, 'Unknown Message');
export const alreadyAcknowledged = (): FakeResponse =>
  discordError(400, 40060, 'Interaction has already been acknowledged.');

/** 50035 with Discord's nested `errors` tree, e.g. invalidFormBody('0.name', 'BASE_TYPE_REQUIRED', 'This field is required'). */
export function invalidFormBody(path: string, code: string, message: string): FakeResponse {
  const errors = path
    .split('.')
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), { _errors: [{ code, message }] });
  return discordError(400, 50035, 'Invalid Form Body', errors);
}

/** A 429 as Discord sends it: Retry-After in the header (seconds) and in the body. */
export function rateLimited(retryAfterSeconds = 0.1, options: { global?: boolean } = {}): FakeResponse {
  const global = options.global ?? false;
  return {
    status: 429,
    headers: {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-scope': global ? 'global' : 'user',
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': String(retryAfterSeconds),
      'x-ratelimit-bucket': 'fake-bucket',
      ...(global ? { 'x-ratelimit-global': 'true' } : {}),
    },
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global },
  };
}

export function serverError(status = 500): FakeResponse {
  return { status, body: { message: `${status}: Internal Server Error`, code: 0 } };
}
