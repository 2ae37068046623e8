// Every search tunable in one frozen object, each with the reason for its value.
import type { IFuseOptions } from 'fuse.js';
import { QUERY_MAX_LENGTH } from '../../commands/feud.ts';

export const SEARCH = Object.freeze({
  /** Queries longer than this are refused; it is the Discord option's max_length. */
  maxQueryLength: QUERY_MAX_LENGTH,
  /** Results an answer carries at most (the bot pages through them). */
  maxResults: 5,
  maxSuggestions: 3,
  /** An autocomplete box shows 25 choices at most (Discord's limit): no more are worth building. */
  maxCompletions: 25,
  /**
   * Share of the query's weight a result must cover. Below it the answer is "no good match" with
   * suggestions, never the least-bad passage.
   */
  minCoverage: 0.5,
  /** Results scoring under this share of the best one are dropped: they answer a different question. */
  relativeCutoff: 0.6,
  /** Weight of a query word nothing in the corpus matches: it pulls coverage down, so noise finds nothing. */
  unmatchedWeight: 1.2,
  /** Latin tokens shorter than this must match exactly: "ai" would otherwise match half the vocabulary. */
  minFuzzyLength: 4,
  /** Han words shorter than this must match exactly: one wrong character of two is a different word. */
  minFuzzyHanLength: 3,
  /** Looser than FUSE_OPTIONS.threshold: close enough to suggest ("did you mean"), not to answer. */
  nearMissThreshold: 0.45,
  /** A fuzzy candidate may differ in length by at most this much. */
  maxLengthDelta: 2,
  /** `when` prefers what the text dates itself over dates carried down the narrative. */
  dateFactor: { stated: 1, relative: 1, external: 1, narrative: 0.93, crossesSection: 0.88, none: 0.8 },
  /** `when` prefers curated events over bare paragraphs when both match equally. */
  paragraphFactor: 0.92,
  cacheSize: 2000,
});

/**
 * Fuse.js matches single query words against the vocabulary (English words, names, pinyin keys, Chinese
 * terms), not whole paragraphs:
 * - ignoreLocation: Fuse's default location bias (location 0, distance 100) scores down any match past
 *   ~60 characters; a vocabulary key should match wherever the typo falls.
 * - threshold 0.3: one edit in four characters ("Mush" → "musk"); the default 0.6 lets one character of a
 *   two-character Chinese word match, which is a different word.
 * - includeScore: the score picks the closest key and ranks ties by the key's kind.
 */
export const FUSE_OPTIONS: IFuseOptions<{ key: string }> = Object.freeze({
  keys: ['key'],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
  isCaseSensitive: false,
  shouldSort: true,
  findAllMatches: false,
  minMatchCharLength: 2,
  ignoreFieldNorm: true,
});
