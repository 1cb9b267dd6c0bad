import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

/**
 * `reflector.getAllAndOverride(key, [handler, class])`, read once per route: decorator metadata does not change after
 * boot, and the guards that read it run on every request (each read is two Reflect.getMetadata walks).
 */
export class RouteMetadata<T> {
  private readonly byHandler = new WeakMap<object, WeakMap<object, { value: T | undefined }>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly key: string,
  ) {}

  of(context: ExecutionContext): T | undefined {
    const handler = context.getHandler();
    const controller = context.getClass();
    let byClass = this.byHandler.get(handler);
    if (byClass === undefined) {
      byClass = new WeakMap();
      this.byHandler.set(handler, byClass);
    }
    let entry = byClass.get(controller);
    if (entry === undefined) {
      entry = { value: this.reflector.getAllAndOverride<T | undefined>(this.key, [handler, controller]) };
      byClass.set(controller, entry);
    }
    return entry.value;
  }
}
