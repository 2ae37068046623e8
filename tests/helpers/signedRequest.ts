// Signs request bodies the way Discord does, so tests and benchmarks can talk to the HTTP interactions endpoint.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface SigningKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The raw 32-byte public key as hex, the form the developer portal shows and publicKeyFromHex takes. */
  publicKeyHex: string;
}

export function generateSigningKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, publicKeyHex: rawPublicKeyHex(publicKey) };
}

/** The SPKI DER of an Ed25519 key ends with the 32 raw key bytes. */
export function rawPublicKeyHex(publicKey: KeyObject): string {
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
}

/** Headers Discord would send with this body; timestamp in seconds, now unless given. */
export function signRequest(
  privateKey: KeyObject,
  body: string | Uint8Array,
  timestamp: number | string = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const ts = String(timestamp);
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const signature = sign(null, Buffer.concat([Buffer.from(ts, 'utf8'), bytes]), privateKey);
  return {
    'content-type': 'application/json',
    'x-signature-ed25519': signature.toString('hex'),
    'x-signature-timestamp': ts,
  };
}
