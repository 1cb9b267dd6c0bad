import { integerFormat, PLAIN_TEXT, stringProblem, SWA_CODE } from './bounded';

describe('stringProblem', () => {
  const swa = {
    maxLength: 4,
    minLength: 1,
    pattern: SWA_CODE,
    message: 'must be a SWA code of up to 4 digits',
  };

  it('names the first problem only: type, then length (with the bound), then pattern', () => {
    expect([undefined, 4720, '', '47201', '47a', '4720'].map((v) => stringProblem(v, swa))).toEqual([
      'must be a string',
      'must be a string',
      'must not be empty',
      'must be at most 4 characters',
      'must be a SWA code of up to 4 digits',
      null,
    ]);
  });

  it('refuses control characters in free text but keeps tabs and line breaks', () => {
    const text = { maxLength: 10, pattern: PLAIN_TEXT, message: 'no controls' };
    expect(['a\tb\r\nc', 'a\u0000b', 'a\u001bb', 'a\u007fb'].map((v) => stringProblem(v, text))).toEqual([
      null,
      'no controls',
      'no controls',
      'no controls',
    ]);
  });
});

describe('integerFormat', () => {
  it('is int32 when the range fits in 32 bits, else int64', () => {
    expect([
      integerFormat(0, 100),
      integerFormat(1, 99_999_999),
      integerFormat(0, 2 ** 31),
      integerFormat(0, Number.MAX_SAFE_INTEGER),
    ]).toEqual(['int32', 'int32', 'int64', 'int64']);
  });
});
