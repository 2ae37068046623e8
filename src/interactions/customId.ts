// Stateless component ids: everything a button or menu needs travels in its custom_id (≤ 100 characters),
// so paging works after a restart and on any shard or instance.
import { LIMITS } from '../render/limits.ts';
import type { Command } from '../search/createSearch.ts';

const PREFIX = 'feud1';
const COMMAND_CODE: Record<Command, string> = { when: 'w', quote: 'q', who: 'o' };
const CODE_COMMAND = new Map(Object.entries(COMMAND_CODE).map(([k, v]) => [v, k as Command]));

/** A page of search results: the results are named by their index in the command's collection. */
export interface ResultsState {
  view: 'results';
  command: Command;
  owner: string;
  /** Corpus fingerprint: a component from before a data change is refused, not misread. */
  version: string;
  docs: number[];
  page: number;
}

export interface TimelineState {
  view: 'timeline';
  owner: string;
  version: string;
  page: number;
}

export interface HelpState {
  view: 'help';
  owner: string;
  version: string;
  page: number;
}

export type ComponentState = ResultsState | TimelineState | HelpState;
/**
 * Buttons in one message need distinct ids, so each control carries its own role. Share posts the same view
 * publicly; delete removes a public answer (its owner only).
 */
export type Control = 'prev' | 'next' | 'menu' | 'share' | 'delete';

const CONTROL_CODE: Record<Control, string> = { prev: 'p', next: 'n', menu: 'm', share: 's', delete: 'd' };
const CODE_CONTROL = new Map(Object.entries(CONTROL_CODE).map(([k, v]) => [v, k as Control]));

export function encodeState(state: ComponentState, control: Control): string {
  const head = [PREFIX, CONTROL_CODE[control], state.owner, state.version, String(state.page)];
  const id =
    state.view === 'results'
      ? [...head, 'r', COMMAND_CODE[state.command], state.docs.join('.')].join(':')
      : [...head, state.view === 'help' ? 'h' : 't'].join(':');
  if (id.length > LIMITS.customId) throw new Error(`custom_id too long (${id.length})`);
  return id;
}

const SNOWFLAKE = /^\d{1,20}$/;
const INT = /^\d{1,4}$/;

/** Parses a custom_id; undefined for anything this bot did not make. */
export function decodeState(customId: string): { state: ComponentState; control: Control } | undefined {
  const [prefix, controlCode, owner, version, page, view, commandCode, docs, ...extra] = customId.split(':');
  if (
    prefix !== PREFIX ||
    extra.length > 0 ||
    !owner ||
    !SNOWFLAKE.test(owner) ||
    !version ||
    !page ||
    !INT.test(page)
  ) {
    return undefined;
  }
  const control = CODE_CONTROL.get(controlCode ?? '');
  if (!control) return undefined;
  if (view === 't' && commandCode === undefined) {
    return { state: { view: 'timeline', owner, version, page: Number(page) }, control };
  }
  if (view === 'h' && commandCode === undefined) {
    return { state: { view: 'help', owner, version, page: Number(page) }, control };
  }
  const command = CODE_COMMAND.get(commandCode ?? '');
  if (view !== 'r' || !command || !docs || !/^\d{1,4}(\.\d{1,4}){0,24}$/.test(docs)) return undefined;
  return {
    state: { view: 'results', command, owner, version, page: Number(page), docs: docs.split('.').map(Number) },
    control,
  };
}
