import { bootApp, type BootedApp } from '../helpers/boot-app';
import { KEY } from '../support';

/** 100,000 distinct strings: about 889 KB, under the 1 MB body limit. */
const HUGE = Array.from({ length: 100_000 }, (_, i) => `c${i}`);

describe('validation cost is bounded by the documented bounds, not by what a caller sends', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp();
  });
  afterAll(() => booted?.close());

  const detailsOf = (body: { error: { details: { field: string; message: string }[] } }, field: string) =>
    body.error.details.filter((d) => d.field === field);

  // Before: the item and uniqueness checks ran on all 100,000 items after the size check had failed (6.5 s here),
  // and the answer listed the size and value messages together.
  it.each([
    ['POST', '/v1/works', KEY.promoter, 'locationTypes'],
    ['POST', '/v1/fixed-penalty-notices', KEY.authority, 'paymentMethods'],
    ['PUT', '/v1/permits/NGN0000000001-01/assessment', KEY.authority, 'reasonsForRefusal'],
  ])('%s %s: an oversized %s is refused by its size alone', async (method, path, key, field) => {
    const req = method === 'POST' ? booted.http.post(path) : booted.http.put(path);
    const res = await req
      .set(key)
      .send({ [field]: HUGE })
      .expect(400);
    expect(detailsOf(res.body, field)).toEqual([
      { field, message: expect.stringMatching(/^must contain no more than \d+ elements$/) },
    ]);
  });

  it('still names a repeated value in an array of allowed size', async () => {
    const res = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .send({ locationTypes: ['footway', 'footway'] })
      .expect(400);
    expect(detailsOf(res.body, 'locationTypes')).toEqual([
      { field: 'locationTypes', message: 'all elements must be unique' },
    ]);
  });
});
