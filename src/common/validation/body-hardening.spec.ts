import { bodyProblem } from './body-hardening';

describe('bodyProblem', () => {
  it('accepts scalars, flat and moderately nested bodies', () => {
    expect(bodyProblem(undefined, 4)).toBeUndefined();
    expect(bodyProblem('text', 4)).toBeUndefined();
    expect(bodyProblem({ a: 1, b: [1, { c: 'x' }] }, 4)).toBeUndefined();
  });

  it('counts objects and arrays alike towards the depth', () => {
    expect(bodyProblem({ a: [{ b: [1] }] }, 4)).toBeUndefined();
    expect(bodyProblem({ a: [{ b: [{}] }] }, 4)).toBe('the request body is nested more than 4 levels deep');
  });

  it('stops at the limit on absurdly deep input without recursion', () => {
    const deep = JSON.parse(`${'['.repeat(500_000)}${']'.repeat(500_000)}`) as unknown;
    expect(bodyProblem(deep, 32)).toBe('the request body is nested more than 32 levels deep');
  });

  it('finds prototype keys at any depth, including own __proto__ properties from JSON.parse', () => {
    expect(bodyProblem(JSON.parse('{"a":{"__proto__":{"x":1}}}'), 8)).toBe(
      'the request body may not contain a property named __proto__',
    );
    expect(bodyProblem({ a: [{ constructor: 1 }] }, 8)).toBe(
      'the request body may not contain a property named constructor',
    );
    expect(bodyProblem({ prototype: {} }, 8)).toBe(
      'the request body may not contain a property named prototype',
    );
    expect(bodyProblem({ constructorName: 'fine', proto: 'fine' }, 8)).toBeUndefined();
  });
});
