import { Controller, Get, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { RouteMetadata } from './route-metadata';

const MARK = 'test:mark';

@Controller()
@SetMetadata(MARK, 'class')
class Marked {
  @Get()
  @SetMetadata(MARK, 'handler')
  own(): void {}

  @Get()
  inherited(): void {}
}

@Controller()
class Unmarked {
  @Get()
  none(): void {}
}

const context = (cls: new () => object, handler: () => void): ExecutionContextHost =>
  new ExecutionContextHost([], cls as never, handler);

describe('RouteMetadata', () => {
  it('answers as getAllAndOverride does (handler over class), per handler and class, reading each route once', () => {
    const reflector = new Reflector();
    const reads = jest.spyOn(reflector, 'getAllAndOverride');
    const mark = new RouteMetadata<string>(reflector, MARK);
    const routes = [
      context(Marked, Marked.prototype.own),
      context(Marked, Marked.prototype.inherited),
      context(Unmarked, Unmarked.prototype.none),
      // the same function under another class keeps its own answer
      context(Unmarked, Marked.prototype.inherited),
    ];
    const first = routes.map((r) => mark.of(r));
    const second = routes.map((r) => mark.of(r));
    expect([first, second]).toEqual([
      ['handler', 'class', undefined, undefined],
      ['handler', 'class', undefined, undefined],
    ]);
    expect(reads).toHaveBeenCalledTimes(4);
  });
});
