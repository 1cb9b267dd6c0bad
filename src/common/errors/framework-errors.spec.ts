import { clientErrorAnswer } from './framework-errors';

const parserError = (code: string, rawPacket?: Buffer) => Object.assign(new Error(code), { code, rawPacket });

describe('clientErrorAnswer', () => {
  it('tells a URL too long from headers too large by the request line', () => {
    const longUrl = Buffer.from(`GET /${'a'.repeat(10_000)} HTTP/1.1\r\nHost: a\r\n`);
    const bigHeader = Buffer.from(`GET / HTTP/1.1\r\nX-Padding: ${'a'.repeat(20_000)}`);
    const unfinishedLine = Buffer.from(`GET /${'a'.repeat(20_000)}`);
    expect(
      [longUrl, bigHeader, unfinishedLine].map((p) =>
        clientErrorAnswer(parserError('HPE_HEADER_OVERFLOW', p)),
      ),
    ).toEqual([
      [414, 'URI_TOO_LONG', 'the URL is longer than 8192 bytes'],
      [431, 'HEADERS_TOO_LARGE', 'the request headers are too large'],
      [414, 'URI_TOO_LONG', 'the URL is longer than 8192 bytes'],
    ]);
  });

  it('answers a timeout with 408 and anything else the parser refuses with 400', () => {
    expect(clientErrorAnswer(parserError('ERR_HTTP_REQUEST_TIMEOUT'))).toEqual([
      408,
      'REQUEST_TIMEOUT',
      'the request took too long to arrive',
    ]);
    expect(clientErrorAnswer(parserError('HPE_INVALID_HEADER_TOKEN'))).toEqual([
      400,
      'BAD_REQUEST',
      'the request is not valid HTTP',
    ]);
  });
});
