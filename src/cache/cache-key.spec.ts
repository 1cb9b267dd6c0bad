import { cacheKey, resourceOf } from './cache-key';

describe('cacheKey', () => {
  const base = {
    organisation: '0123',
    callerKind: 'subscription-key',
    permissions: ['streetworks.read'],
    representation: 'application/json',
    url: '/v1/works/ABC',
  };

  it('never gives two organisations, or an organisation and the default credential, the same key', () => {
    const keys = new Set([
      cacheKey('works', base),
      cacheKey('works', { ...base, organisation: '0456' }),
      cacheKey('works', { ...base, organisation: undefined }),
      cacheKey('works', { ...base, organisation: '-' }),
      cacheKey('works', { ...base, organisation: '' }),
    ]);
    expect(keys.size).toBe(5);
  });

  it('differs by permission set (links depend on it), kind of caller (the works register), representation and the full path and query', () => {
    const keys = new Set([
      cacheKey('works', base),
      cacheKey('works', { ...base, permissions: ['streetworks.read', 'streetworks.promoter.write'] }),
      cacheKey('works', { ...base, representation: 'application/xml' }),
      cacheKey('works', { ...base, callerKind: 'azure-ad' }),
      cacheKey('works', { ...base, url: '/v1/works/ABC?fields=status' }),
      cacheKey('works', { ...base, url: '/v1/works/ABD' }),
    ]);
    expect(keys.size).toBe(6);
  });

  it('is the same for the same permissions in another order', () => {
    const perms = ['streetworks.read', 'streetworks.promoter.write'];
    expect(cacheKey('works', { ...base, permissions: perms })).toBe(
      cacheKey('works', { ...base, permissions: [...perms].reverse() }),
    );
  });

  it('cannot be forged by moving text between parts', () => {
    expect(cacheKey('works', { ...base, organisation: '01', url: '23/v1/works/ABC' })).not.toBe(
      cacheKey('works', base),
    );
  });

  it('names the resource and holds no reference or query value in clear', () => {
    const key = cacheKey('works', { ...base, url: '/v1/works/SECRET-REF?q=personal' });
    expect(key).toMatch(/^cache:works:[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain('SECRET');
  });
});

describe('resourceOf', () => {
  it('is the first segment after the version', () => {
    expect(resourceOf('/v1/works/:workReferenceNumber')).toBe('works');
    expect(resourceOf('/v1/works')).toBe('works');
    expect(resourceOf('/v2/organisations/:id/people')).toBe('organisations');
  });

  it('is undefined outside the versioned API', () => {
    expect(resourceOf('/status')).toBeUndefined();
    expect(resourceOf('/docs/v1.json')).toBeUndefined();
    expect(resourceOf(undefined)).toBeUndefined();
  });
});
