import type { ArgumentMetadata } from '@nestjs/common';
import { ApiError } from '../errors/api-error';
import { createValidationPipe } from '../validation/validation.pipe';
import { pageWindow } from './page-window';
import { PagingQueryDto } from './paging-query.dto';

const pipe = createValidationPipe();
const meta: ArgumentMetadata = { type: 'query', metatype: PagingQueryDto };
const validate = (query: Record<string, string>) => pipe.transform(query, meta) as Promise<PagingQueryDto>;

async function failure(query: Record<string, string>): Promise<ApiError> {
  try {
    await validate(query);
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected a validation failure');
}

describe('PagingQueryDto', () => {
  it('defaults to the first 20', async () => {
    expect(pageWindow(await validate({}))).toEqual({ offset: 0, limit: 20, mode: 'offset' });
  });

  it('turns page + limit into an offset', async () => {
    expect(pageWindow(await validate({ page: '3', limit: '50' }))).toEqual({
      offset: 100,
      limit: 50,
      mode: 'page',
    });
  });

  it.each([
    ['offset', '0x10'],
    ['limit', '1e1'],
    ['offset', ''],
    ['page', ' 2'],
    ['limit', '5.0'],
  ])('refuses %s=%j: only plain decimal integers are numbers', async (field, value) => {
    const e = await failure({ [field]: value });
    expect(e.status).toBe(400);
    expect(e.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('refuses page and offset together, naming both', async () => {
    const e = await failure({ page: '2', offset: '10' });
    expect(e.status).toBe(400);
    expect(e.details).toEqual(
      expect.arrayContaining([
        { field: 'offset', message: 'cannot be combined with page' },
        { field: 'page', message: 'cannot be combined with offset' },
      ]),
    );
  });

  it.each([
    [{ limit: '101' }, 'limit'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '2.5' }, 'limit'],
    [{ offset: '-1' }, 'offset'],
    [{ offset: 'abc' }, 'offset'],
    [{ offset: '100001' }, 'offset'],
    [{ page: '0' }, 'page'],
  ])('refuses %j with a 400 naming %s', async (query, field) => {
    const e = await failure(query);
    expect(e.status).toBe(400);
    expect(e.details?.[0]?.field).toBe(field);
  });

  it('refuses unknown parameters', async () => {
    expect((await failure({ size: '10' })).details).toEqual([
      { field: 'size', message: 'property size should not exist' },
    ]);
  });
});
