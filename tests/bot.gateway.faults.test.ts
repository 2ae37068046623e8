// The gateway transport when the connection or Discord's REST API misbehaves: it recovers and still answers.
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/render/messages.ts';
import { chatInput } from './fake-discord/payloads.ts';
import { rateLimited, serverError } from './fake-discord/responses.ts';
import { checkCallbackBody } from './fake-discord/schemas.ts';
import { embedOf, messageOf, botPerTest, type RunningBot } from './helpers/gatewayHarness.ts';

const start = botPerTest();

const gpt2 = () => chatInput({ subcommand: 'when', options: [{ name: 'query', value: 'GPT-2' }] });

/** The GPT-2 answer, valid for Discord. */
function expectGpt2Answer(body: Awaited<ReturnType<RunningBot['ask']>>): void {
  expect(body.type).toBe(4);
  expect(checkCallbackBody(body)).toEqual([]);
  expect(embedOf(body).description).toContain('2019年2月');
}

const callbackStatuses = (running: RunningBot, interactionId: string) =>
  running.fake.requests.filter((r) => r.path.startsWith(`/interactions/${interactionId}/`)).map((r) => r.status);

describe('gateway faults', () => {
  it('close 4000: resumes at resume_gateway_url and answers what was sent meanwhile, then the next', async () => {
    const running = await start();
    running.fake.closeGateway(4000);
    const meanwhile = running.fake.dispatchInteraction(gpt2());
    await running.fake.waitForResume(1);
    expectGpt2Answer(await running.fake.waitForCallback(meanwhile.id));
    expectGpt2Answer(await running.ask(gpt2()));
    expect(running.fake.identifies).toHaveLength(1);
    const paths = running.fake.gatewayEvents.flatMap((e) => (e.kind === 'connect' ? [e.path] : []));
    expect(paths[paths.length - 1]).toMatch(/^\/resume\?/);
    await running.waitForLine(/INFO shard resumed shard=0/);
  });

  it('a dropped TCP socket: resumes and answers the next interaction', async () => {
    const running = await start();
    running.fake.dropSocket();
    await running.fake.waitForResume(1);
    expectGpt2Answer(await running.ask(gpt2()));
    expect(running.fake.identifies).toHaveLength(1);
  });

  it('op 7 RECONNECT with a dispatch lost in flight: resumes, and the replayed interaction is answered', async () => {
    const running = await start();
    running.fake.loseNextDispatches(1);
    const lost = running.fake.dispatchInteraction(gpt2());
    running.fake.sendGatewayOp({ op: 7 });
    const [resume] = await running.fake.waitForResume(1);
    expect(resume?.replayed).toBe(1);
    expectGpt2Answer(await running.fake.waitForCallback(lost.id));
  });

  it('close 1000: identifies afresh and answers the next interaction', async () => {
    const running = await start({
      client: { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } },
    });
    running.fake.closeGateway(1000);
    await running.fake.waitForIdentify(2);
    expectGpt2Answer(await running.ask(gpt2()));
  });

  it('close 4004 (token revoked): the shard gives up, and that is logged as an error', async () => {
    const running = await start();
    running.fake.closeGateway(4004);
    await running.waitForLine(/ERROR shard disconnected for good shard=0 code=4004/);
    expect(running.fake.resumes).toHaveLength(0);
  });
});

describe('REST faults on the interaction callback', () => {
  it('429 with Retry-After: waits, retries, and the callback arrives', async () => {
    const running = await start();
    running.fake.failNext({ method: 'POST', path: /\/callback$/ }, rateLimited(0.05));
    const interaction = gpt2();
    expectGpt2Answer(await running.ask(interaction));
    expect(callbackStatuses(running, interaction.id)).toEqual([429, 204]);
    await running.waitForLine(new RegExp(`INFO interaction id=${interaction.id} `));
  });

  it('500 once: retried, and the callback arrives', async () => {
    const running = await start();
    running.fake.failNext({ method: 'POST', path: /\/callback$/ }, serverError(500));
    const interaction = gpt2();
    expectGpt2Answer(await running.ask(interaction));
    expect(callbackStatuses(running, interaction.id)).toEqual([500, 204]);
  });

  it('500 until retries run out: the error is logged, the user still gets the apology, the next is answered', async () => {
    const running = await start();
    // discord.js tries once and retries 3 times; the apology is the fifth request.
    running.fake.failNext({ method: 'POST', path: /\/callback$/ }, { ...serverError(503), times: 4 });
    const interaction = gpt2();
    const body = await running.ask(interaction);
    expect(body.type).toBe(4);
    expect(checkCallbackBody(body)).toEqual([]);
    expect(messageOf(body)).toMatchObject({ content: MESSAGES.en.error, flags: 64 });
    expect(callbackStatuses(running, interaction.id)).toEqual([503, 503, 503, 503, 204]);
    const line = await running.waitForLine(/ERROR interaction failed/);
    expect(line).toContain(`id=${interaction.id}`);
    expectGpt2Answer(await running.ask(gpt2()));
  });
});
