/**
 * Remembers every registered route so that a miss can be told apart: a path that exists under other
 * methods is a 405 with Allow, anything else a 404. Fastify itself answers 404 for both.
 */
export class RouteTable {
  private readonly routes: { pattern: RegExp; method: string }[] = [];

  add(url: string, methods: string | string[]): void {
    const pattern = new RegExp(
      '^' +
        url
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\/:[^/]+/g, '/[^/]+')
          .replace(/\*/g, '.*') +
        '/?$',
    );
    for (const method of Array.isArray(methods) ? methods : [methods]) {
      this.routes.push({ pattern, method: method.toUpperCase() });
    }
  }

  /** Every method some route has. */
  methods(): string[] {
    return [...new Set(this.routes.map((r) => r.method))].sort();
  }

  allowedMethods(path: string): string[] {
    const allowed = new Set(this.routes.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (allowed.has('GET')) {
      allowed.add('HEAD');
    }
    return [...allowed].sort();
  }
}
