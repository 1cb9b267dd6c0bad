import { toErrorResponse } from './error-mapping';

const frameworkError = (statusCode: number) =>
  Object.assign(new Error('internal wording, never shown'), { statusCode });

describe('toErrorResponse for framework errors', () => {
  it('gives 408, 414 and 431 codes of their own, in our wording', () => {
    expect([408, 414, 431].map((status) => toErrorResponse(frameworkError(status), 'req-1'))).toEqual([
      {
        status: 408,
        body: {
          error: {
            code: 'REQUEST_TIMEOUT',
            message: 'the request took too long to arrive',
            requestId: 'req-1',
          },
        },
        headers: {},
        internal: false,
      },
      {
        status: 414,
        body: { error: { code: 'URI_TOO_LONG', message: 'the URL is too long', requestId: 'req-1' } },
        headers: {},
        internal: false,
      },
      {
        status: 431,
        body: {
          error: {
            code: 'HEADERS_TOO_LARGE',
            message: 'the request headers are too large',
            requestId: 'req-1',
          },
        },
        headers: {},
        internal: false,
      },
    ]);
  });
});
