import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BadRequestError } from '../errors/api-error';
import { type AuthConfig, authConfig } from '../../config/auth.config';

/** Keys that can reach an object's prototype when a body is merged or assigned somewhere downstream. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Why the parsed body must be refused, or undefined. Iterative, and it stops at the depth limit, so a body nested a
 * hundred thousand levels (which JSON.parse accepts) costs no stack and little time.
 */
export function bodyProblem(body: unknown, maxDepth: number): string | undefined {
  if (body === null || typeof body !== 'object') {
    return undefined;
  }
  const stack: [object, number][] = [[body, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > maxDepth) {
      return `the request body is nested more than ${maxDepth} levels deep`;
    }
    const children = Array.isArray(value) ? (value as unknown[]) : [];
    if (!Array.isArray(value)) {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          return `the request body may not contain a property named ${key}`;
        }
        children.push((value as Record<string, unknown>)[key]);
      }
    }
    for (const child of children) {
      if (child !== null && typeof child === 'object') {
        stack.push([child, depth + 1]);
      }
    }
  }
  return undefined;
}

/**
 * Refuses over-deep bodies and prototype-pollution keys (400) whatever parsed them (JSON or XML), before validation.
 * Fastify's JSON parser already refuses `__proto__` and `constructor.prototype`; this adds a bare `constructor` or
 * `prototype` and the depth limit. Call from configureApp, before app.init().
 */
export function applyBodyHardening(app: NestFastifyApplication): void {
  const { bodyMaxDepth } = app.get<AuthConfig>(authConfig.KEY);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('preValidation', (request, _reply, done) => {
    const problem = bodyProblem(request.body, bodyMaxDepth);
    done(problem ? new BadRequestError(problem) : undefined);
  });
}
