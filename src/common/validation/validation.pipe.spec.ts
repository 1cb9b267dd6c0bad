import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { NotWith } from '../paging/not-with.validator';
import { compileAcceptCheck } from './accept-check';
import { QueryInteger } from './query-number';
import { createValidationPipe } from './validation.pipe';

class RefParams {
  @Matches(/^[A-Z0-9]{1,5}$/, { message: 'must be 1 to 5 capitals or digits' })
  ref!: string;
}

const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',') : value;

class ListQuery {
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @IsOptional()
  @Transform(toList)
  @IsIn(['a', 'b'], { each: true })
  status?: string[];

  @IsOptional()
  @Matches(/^\d+$/)
  @NotWith('other')
  one?: string;

  @IsOptional()
  @IsString()
  other?: string;
}

class NestedQuery {
  @IsOptional()
  @ValidateNested()
  @Type(() => RefParams)
  inner?: RefParams;
}

@ValidatorConstraint({ async: true })
class Eventually implements ValidatorConstraintInterface {
  validate(value: unknown): Promise<boolean> {
    return Promise.resolve(value === 'yes');
  }
}

class AsyncQuery {
  @Validate(Eventually)
  answer!: string;
}

class Undecorated {
  name?: string;
}

const meta = (
  metatype: ArgumentMetadata['metatype'],
  type: ArgumentMetadata['type'] = 'query',
): ArgumentMetadata => ({ type, metatype, data: undefined });

/** What Nest's pipe does with the same options and error bodies: the reference the quick path must agree with. */
const reference = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
  exceptionFactory: (
    createValidationPipe() as unknown as { exceptionFactory: (errors: unknown[]) => unknown }
  ).exceptionFactory,
});

async function outcome(pipe: ValidationPipe, value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
  try {
    const result = (await pipe.transform(structuredClone(value), metadata)) as object;
    return { accepted: result, type: result.constructor.name };
  } catch (e) {
    const error = e as { message: string; details: unknown };
    return { refused: error.message, details: error.details };
  }
}

describe('the validation pipe quick path for query and path DTOs', () => {
  const pipe = createValidationPipe();

  it('accepts valid queries and paths without the full pipe, with the DTO class-transformer builds', async () => {
    const full = jest.spyOn(ValidationPipe.prototype, 'transform');
    try {
      const accepted: object[] = await Promise.all([
        pipe.transform({ ref: 'AB12' }, meta(RefParams, 'param')),
        pipe.transform({}, meta(ListQuery)),
        pipe.transform({ limit: '7', status: 'a,b', one: '42' }, meta(ListQuery)),
        pipe.transform({ status: ['a', 'b'], other: 'x' }, meta(ListQuery)),
      ]);
      expect(full).not.toHaveBeenCalled();
      expect(accepted.map((a): unknown[] => [a.constructor.name, { ...a }])).toEqual([
        ['RefParams', { ref: 'AB12' }],
        ['ListQuery', { limit: 20 }],
        ['ListQuery', { limit: 7, status: ['a', 'b'], one: '42' }],
        ['ListQuery', { limit: 20, status: ['a', 'b'], other: 'x' }],
      ]);
    } finally {
      full.mockRestore();
    }
  });

  it.each<[string, unknown, ArgumentMetadata, 'accepted' | 'refused']>([
    ['a valid path', { ref: 'AB12' }, meta(RefParams, 'param'), 'accepted'],
    ['a path that does not match', { ref: 'ab-12' }, meta(RefParams, 'param'), 'refused'],
    ['a missing path property', {}, meta(RefParams, 'param'), 'refused'],
    ['an unknown query property', { ref: 'AB12', colour: 'red' }, meta(RefParams), 'refused'],
    ['an empty query with a default', {}, meta(ListQuery), 'accepted'],
    ['numbers from text', { limit: '100' }, meta(ListQuery), 'accepted'],
    ['a number out of bounds', { limit: '101' }, meta(ListQuery), 'refused'],
    ['a number that is not decimal', { limit: '0x10' }, meta(ListQuery), 'refused'],
    ['a repeated property where one is expected', { limit: ['1', '2'] }, meta(ListQuery), 'refused'],
    ['each item of a list', { status: 'a,b,c' }, meta(ListQuery), 'refused'],
    ['a custom constraint reading another property', { one: '1', other: 'x' }, meta(ListQuery), 'refused'],
    ['a key the full pipe strips', JSON.parse('{"__proto__": {"limit": 5}}'), meta(ListQuery), 'accepted'],
    ['nested validation (left to class-validator)', { inner: { ref: 'x' } }, meta(NestedQuery), 'refused'],
    ['an async constraint (left to class-validator)', { answer: 'no' }, meta(AsyncQuery), 'refused'],
    ['a class without rules (an unknown value)', { name: 'x' }, meta(Undecorated), 'refused'],
    ['a body (always the full pipe)', { ref: 'lower' }, meta(RefParams, 'body'), 'refused'],
  ])('answers %s exactly as the full pipe does', async (_name, value, metadata, kind) => {
    const expected = await outcome(reference, value, metadata);
    expect(expected).toHaveProperty(kind);
    expect(await outcome(pipe, value, metadata)).toEqual(expected);
  });

  it('cannot check classes it does not model, and says so', () => {
    expect([NestedQuery, AsyncQuery, Undecorated].map((c) => compileAcceptCheck(c))).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('says false, never true, for what class-validator refuses', () => {
    const check = compileAcceptCheck(ListQuery)!;
    const instance = (fields: Partial<ListQuery>): ListQuery => Object.assign(new ListQuery(), fields);
    expect(
      [
        instance({}),
        instance({ limit: 0 }),
        instance({ status: ['a', 'c'] }),
        instance({ one: '1', other: 'y' }),
        Object.assign(instance({}), { extra: 1 }),
      ].map(check),
    ).toEqual([true, false, false, false, false]);
  });
});
