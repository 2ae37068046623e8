// Ed25519 verification of Discord's HTTP interaction requests; pure apart from node:crypto, never throws on input.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER prefix that turns a raw 32-byte Ed25519 key into an SPKI structure node:crypto can import. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Discord's own libraries reject requests signed more than this far from now; we do the same against replays. */
export const MAX_TIMESTAMP_SKEW_SECONDS = 300;

const PUBLIC_KEY_HEX = /^[0-9a-f]{64}$/i;
const SIGNATURE_HEX = /^[0-9a-f]{128}$/i;
// Bounded length so Number() stays exact and a header of digits cannot be huge.
const TIMESTAMP_SECONDS = /^[0-9]{1,12}$/;

export type VerifyResult = { ok: true } | { ok: false; reason: string };

export interface VerifyInput {
  publicKey: KeyObject;
  /** Value of the X-Signature-Ed25519 header, if any. */
  signature: string | undefined;
  /** Value of the X-Signature-Timestamp header, if any. */
  timestamp: string | undefined;
  /** The request body exactly as received, before any decoding. */
  rawBody: Uint8Array;
  nowMs: number;
}

/** The application's public key as the developer portal shows it (64 hex characters) → a KeyObject. */
export function publicKeyFromHex(hex: string): KeyObject {
  const trimmed = hex.trim();
  if (!PUBLIC_KEY_HEX.test(trimmed)) {
    throw new Error(
      `Discord public key must be 64 hexadecimal characters (a raw 32-byte Ed25519 key), got ${trimmed.length} characters`,
    );
  }
  try {
    const der = Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(trimmed, 'hex')]);
    return createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch (cause) {
    throw new Error('Discord public key is not a valid Ed25519 public key', { cause });
  }
}

export function verifyDiscordRequest(input: VerifyInput): VerifyResult {
  const { publicKey, signature, timestamp, rawBody, nowMs } = input;
  if (signature === undefined || signature === '') return { ok: false, reason: 'missing signature header' };
  if (timestamp === undefined || timestamp === '') return { ok: false, reason: 'missing timestamp header' };
  if (!SIGNATURE_HEX.test(signature)) return { ok: false, reason: 'malformed signature' };
  if (!TIMESTAMP_SECONDS.test(timestamp)) return { ok: false, reason: 'malformed timestamp' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_TIMESTAMP_SKEW_SECONDS) {
    return { ok: false, reason: 'timestamp outside the allowed window' };
  }
  try {
    const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]);
    const valid = verify(null, message, publicKey, Buffer.from(signature, 'hex'));
    return valid ? { ok: true } : { ok: false, reason: 'invalid signature' };
  } catch {
    // A key of the wrong type or an internal crypto failure is a rejection, not a crash.
    return { ok: false, reason: 'signature could not be verified' };
  }
}
