import type { APIMessage } from 'discord.js';

/** What the fake needs to know about an interaction it dispatched. */
export interface DispatchedInteraction {
  id: string;
  token: string;
  type: number;
  channel_id?: string;
  message?: APIMessage;
}

export interface InteractionState {
  payload: DispatchedInteraction;
  /** The callback type Discord accepted, once acknowledged. */
  callbackType?: number;
  /** What `@original` refers to after the callback. */
  original?: APIMessage;
}

// Discord answers callbacks and webhook calls by interaction id and token: keep both lookups.
export class InteractionRegistry {
  readonly #byId = new Map<string, InteractionState>();
  readonly #byToken = new Map<string, InteractionState>();

  register(payload: DispatchedInteraction): void {
    const state: InteractionState = { payload };
    this.#byId.set(payload.id, state);
    this.#byToken.set(payload.token, state);
  }

  byId(id: string): InteractionState | undefined {
    return this.#byId.get(id);
  }

  byToken(token: string): InteractionState | undefined {
    return this.#byToken.get(token);
  }
}
