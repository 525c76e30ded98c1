import { describe, expect, it } from 'vitest';
import { wakeablePause } from './wakeable-pause';

describe('wakeablePause', () => {
  it('resolves after its time, or at once when woken', async () => {
    const { pause, wake } = wakeablePause();
    const started = Date.now();
    await pause(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    const woken = pause(60_000);
    wake();
    await expect(woken).resolves.toBeUndefined();
    wake(); // nothing pending: harmless
  });
});
