import { RetryBudget } from './retry-budget';

describe('RetryBudget', () => {
  let now: number;
  const clock = () => now;

  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows retries up to the ratio of recent calls', () => {
    const budget = new RetryBudget(0.2, 0, 10, clock);
    for (let i = 0; i < 100; i++) {
      budget.recordCall();
    }
    const granted = Array.from({ length: 50 }, () => budget.tryAcquireRetry()).filter(Boolean).length;
    expect(granted).toBe(20);
  });

  it('keeps a small floor so an occasional failure on a quiet upstream is still retried', () => {
    const budget = new RetryBudget(0.2, 3, 10, clock);
    budget.recordCall();
    expect([
      budget.tryAcquireRetry(),
      budget.tryAcquireRetry(),
      budget.tryAcquireRetry(),
      budget.tryAcquireRetry(),
    ]).toEqual([true, true, true, false]);
  });

  it('forgets calls and retries older than the window', () => {
    const budget = new RetryBudget(0.2, 0, 10, clock);
    for (let i = 0; i < 10; i++) {
      budget.recordCall();
    }
    expect(budget.tryAcquireRetry()).toBe(true);
    expect(budget.tryAcquireRetry()).toBe(true);
    expect(budget.tryAcquireRetry()).toBe(false);
    now += 11_000;
    expect(budget.tryAcquireRetry()).toBe(false);
    for (let i = 0; i < 5; i++) {
      budget.recordCall();
    }
    expect(budget.tryAcquireRetry()).toBe(true);
    expect(budget.tryAcquireRetry()).toBe(false);
  });
});
