// npm run deploy: registers /feud and "Ask feud-bot" to DISCORD_GUILD_ID if set (instant), else globally (up to an hour).
import dotenv from 'dotenv';
import { DiscordAPIError, REST, Routes } from 'discord.js';
import { ConfigError, parseEnv } from '../src/config/env.ts';
import { staleSource } from '../src/io/buildFreshness.ts';
import { commandsFor } from './feud.ts';

async function deploy(): Promise<string> {
  // A stale bundle would register yesterday's definition of /feud.
  const stale = staleSource();
  if (stale) throw new Error(`dist/ is older than ${stale}: run npm run build (npm ci does it too)`);
  dotenv.config({ quiet: true });
  const env = parseEnv(process.env);
  if (!env.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN: required to register commands');
  if (!env.DISCORD_APPLICATION_ID) throw new ConfigError('DISCORD_APPLICATION_ID: required to register commands');
  const rest = new REST({ version: '10', ...(env.DISCORD_API_BASE_URL ? { api: env.DISCORD_API_BASE_URL } : {}) });
  rest.setToken(env.DISCORD_TOKEN);
  const route = env.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(env.DISCORD_APPLICATION_ID, env.DISCORD_GUILD_ID)
    : Routes.applicationCommands(env.DISCORD_APPLICATION_ID);
  const body = commandsFor(env.DISCORD_GUILD_ID ? 'guild' : 'global');
  const saved = (await rest.put(route, { body })) as unknown[];
  return env.DISCORD_GUILD_ID
    ? `registered ${saved.length} command(s) in guild ${env.DISCORD_GUILD_ID}: they show up at once`
    : `registered ${saved.length} command(s) globally: Discord may take up to an hour to show them everywhere`;
}

deploy().then(
  (message) => process.stdout.write(`deploy: ${message}\n`),
  (error: unknown) => {
    const message =
      error instanceof DiscordAPIError
        ? `Discord refused (HTTP ${error.status}, code ${String(error.code)}): ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`deploy: ${message}\n`);
    process.exitCode = 1;
  },
);
