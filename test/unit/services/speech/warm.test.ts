// The speech model is read when speech first starts, never for a rep who
// types: a meeting start (SpeechHost.warm) loads nothing until the rep has
// spoken once in this run of the app, and after that it does, so the next
// meeting's first answer does not wait. The real pocketsphinx engine.
import { afterAll, describe, expect, it } from 'vitest';
import { SpeechHost } from '../../../../src-main/host/speech-host';
import { PocketsphinxEngine } from '../../../../src-main/services/speech/pocketsphinx';

const engine = new PocketsphinxEngine();
let closed = false;
const host = new SpeechHost({
  status: () => ({ engines: [engine.status()], active: 'pocketsphinx', modelsDir: '' }),
  active: () => engine,
  close: async () => {
    closed = true;
    await engine.close();
  },
});
afterAll(() => host.close());

const until = async (done: () => boolean): Promise<void> => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('loading the speech model', () => {
  it('waits for the rep to speak, then warms at each meeting start', async () => {
    host.warm(); // a meeting started; the rep types
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(engine.loadSeconds).toBeNull();
    const now = Date.now();
    const { utteranceId } = host.begin({ sessionId: 's1' }, { startedAt: now, buyerAt: now });
    host.cancel({ utteranceId });
    await until(() => engine.loadSeconds !== null);
    await engine.close();
    engine.loadSeconds = null;
    host.warm(); // the next meeting: the rep has spoken before, so the model loads now
    await until(() => engine.loadSeconds !== null);
    expect(engine.domainLm).toEqual({ loaded: true });
    await host.close();
    expect(closed).toBe(true);
  }, 60_000);
});
