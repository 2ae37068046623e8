// The picture from a terminal: `ask timeline --png FILE` writes it, the console saves it and prints the path.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../src/cli/console.ts';
import { createInteractionHandler } from '../src/interactions/handleInteraction.ts';
import { createTimelinePictures } from '../src/pictures/timelinePictures.ts';
import { sharedApp } from './helpers/gatewayHarness.ts';
import { npmArgs, run } from './helpers/runEntry.ts';

const pictures = createTimelinePictures(sharedApp());

describe('npm run ask -- timeline --png', () => {
  it('writes the timeline PNG and prints its path', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'feud-ask-')), 'out.png');
    const { code, stdout } = await run(npmArgs('ask', 'timeline', '--png', out, '--lang', 'zh'));
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(out);
    expect(readFileSync(out).equals(pictures.png('zh'))).toBe(true);
  });

  it('without --png prints the timeline as text, as before', async () => {
    const { code, stdout } = await run(npmArgs('ask', 'timeline'));
    expect(code).toBe(0);
    expect(stdout).not.toContain('PNG');
    expect(stdout.split('\n').length).toBeGreaterThan(sharedApp().timeline().length);
  });
});

describe('the console', () => {
  it('saves the picture /feud timeline attaches and prints where', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const saved = new Map<string, Buffer>();
    const done = runConsole({
      input,
      output,
      handle: createInteractionHandler(sharedApp(), { timelineImage: pictures.png }),
      saveFile: (name, data) => {
        saved.set(name, data);
        return `/saved/${name}`;
      },
    });
    input.end('/feud timeline\nexit\n');
    await done;
    expect(text).toContain('picture: /saved/timeline.png');
    expect(saved.get('timeline.png')?.equals(pictures.png('en'))).toBe(true);
  });
});
