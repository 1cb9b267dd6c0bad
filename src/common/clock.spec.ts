import { SystemClock } from './clock';

describe('SystemClock', () => {
  const clock = new SystemClock();

  it('reads the system time', () => {
    const before = Date.now();
    const now = clock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('rejects a sleep with the abort reason when the signal fires first', async () => {
    const controller = new AbortController();
    const pending = clock.sleep(10_000, controller.signal);
    controller.abort(new Error('deadline'));
    await expect(pending).rejects.toThrow('deadline');
  });

  it('rejects at once when the signal has already fired, and resolves a zero sleep at once', async () => {
    await expect(clock.sleep(10_000, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
    await expect(clock.sleep(0)).resolves.toBeUndefined();
  });
});
