// HTTP mode in this process on a free loopback port, as production runs it (cooldown included), logging nothing.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.ts';
import { startHttpMode } from '../../src/discord/httpMode.ts';
import { cooldownFromEnv } from '../../src/interactions/cooldown.ts';
import { createInteractionHandler } from '../../src/interactions/handleInteraction.ts';

export async function startHttpInProcess(
  publicKeyHex: string,
): Promise<{ server: Server; port: number; base: string }> {
  const app = createApp();
  const server = await startHttpMode({
    env: { HOST: '127.0.0.1' },
    publicKeyHex,
    port: 0,
    app,
    handle: createInteractionHandler(app, { cooldown: cooldownFromEnv({}) }),
    log: () => undefined,
  });
  const { port } = server.address() as AddressInfo;
  return { server, port, base: `http://127.0.0.1:${port}` };
}
