// Fixed identities of the fake application, shared by the server and the payload builders.
export const FAKE_TOKEN = 'fake-discord-bot-token';
export const FAKE_APPLICATION_ID = '1100000000000000001';
export const FAKE_GUILD_ID = '1100000000000000002';
export const FAKE_CHANNEL_ID = '1100000000000000003';
export const FAKE_COMMAND_ID = '1100000000000000004';
export const FAKE_USER_ID = '1100000000000000005';

const DISCORD_EPOCH = 1_420_070_400_000n;
let lastSnowflake = 0n;

// Snowflakes carry their creation time like Discord's, and never repeat within a run.
export function nextSnowflake(): string {
  const fromClock = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
  lastSnowflake = fromClock > lastSnowflake ? fromClock : lastSnowflake + 1n;
  return lastSnowflake.toString();
}
