import { boundedArrayProblem } from './bounded-array';

const options = { minSize: 1, maxSize: 3, of: ['a', 'b', 'c'], unique: true } as const;

describe('boundedArrayProblem', () => {
  it('accepts distinct allowed values within the bounds', () => {
    expect([['a'], ['a', 'b', 'c']].map((v) => boundedArrayProblem(v, options))).toEqual([null, null]);
  });

  it('names the first problem only: type, then size, then values, then uniqueness', () => {
    expect(
      ['a', [], ['a', 'b', 'c', 'a'], ['a', 'x'], ['a', 'a'], [1]].map((v) =>
        boundedArrayProblem(v, options),
      ),
    ).toEqual([
      'must be an array',
      'must contain at least 1 element',
      'must contain no more than 3 elements',
      'each value must be one of the following values: a, b, c',
      'all elements must be unique',
      'each value must be one of the following values: a, b, c',
    ]);
  });

  it('never reads the items of an oversized array, so its cost does not grow with the length', () => {
    const items = new Proxy(
      Array.from({ length: 100_000 }, (_, i) => `c${i}`),
      {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) {
            throw new Error(`item ${key} was read`);
          }
          return Reflect.get(target, key, receiver) as unknown;
        },
      },
    );
    expect(boundedArrayProblem(items, options)).toBe('must contain no more than 3 elements');
  });

  it('allows repeats when uniqueness is not asked for', () => {
    expect(boundedArrayProblem(['a', 'a'], { ...options, unique: false })).toBeNull();
  });
});
