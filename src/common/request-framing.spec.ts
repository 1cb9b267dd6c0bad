import { ApiError } from './errors/api-error';
import { framingProblem } from './request-framing';
import { originFormOf } from './url-rewrite';

const problem = (target: string, rawHeaders: string[], httpVersion = '1.1') => {
  const found = framingProblem({ target, rawHeaders, httpVersion });
  return found && { status: found.status, code: found.code, message: found.message };
};

describe('framingProblem', () => {
  it('passes one valid Host on HTTP/1.1, none on HTTP/1.0', () => {
    expect(problem('/v1/me', ['Host', 'api.example.org:8443'])).toBeUndefined();
    expect(problem('/v1/me', ['host', '[::1]:3000'])).toBeUndefined();
    expect(problem('/v1/me', [], '1.0')).toBeUndefined();
  });

  it('refuses a missing, repeated or malformed Host (RFC 9112 §3.2)', () => {
    expect(problem('/v1/me', [])).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
      message: 'an HTTP/1.1 request must have a Host header',
    });
    expect(problem('/v1/me', ['Host', 'a', 'HOST', 'b'])).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
      message: 'the request has more than one Host header',
    });
    expect(problem('/v1/me', ['Host', 'a', 'Host', 'b'], '1.0')?.message).toBe(
      'the request has more than one Host header',
    );
    expect(problem('/v1/me', ['Host', 'a b'])).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
      message: 'the Host header is not a valid host',
    });
  });

  it('refuses a URL over 8 KiB with 414 and a target naming no path with 400', () => {
    expect(problem(`/v1/works?street=${'a'.repeat(8_200)}`, ['Host', 'a'])).toEqual({
      status: 414,
      code: 'URI_TOO_LONG',
      message: 'the URL is longer than 8192 bytes',
    });
    expect(problem('*', ['Host', 'a'])?.status).toBe(400);
    expect(problem('ftp://a/v1/me', ['Host', 'a'])?.status).toBe(400);
    expect(framingProblem({ target: 'x', rawHeaders: [], httpVersion: '1.1' })).toBeInstanceOf(ApiError);
  });
});

describe('originFormOf', () => {
  it('serves an http(s) absolute-form target as its path (RFC 9112 §3.2.2), and nothing else', () => {
    expect(
      [
        '/v1/me',
        'http://h/v1/me?x=1',
        'HTTPS://h:8443/status',
        'http://h',
        'http://h?x=1',
        'ftp://h/v1',
        '*',
      ].map(originFormOf),
    ).toEqual(['/v1/me', '/v1/me?x=1', '/status', '/', '/?x=1', undefined, undefined]);
  });
});
