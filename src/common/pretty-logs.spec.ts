import { prettyStdout } from './pretty-logs';

describe('prettyStdout', () => {
  it('is null when pino-pretty is not installed, so the caller keeps JSON lines', () => {
    expect(
      prettyStdout(() => {
        throw new Error("Cannot find module 'pino-pretty'");
      }),
    ).toBeNull();
  });

  it("passes lines to pino-pretty except Nest's per-module and per-route start-up chatter", () => {
    const written: string[] = [];
    const stream = prettyStdout(() => () => ({ write: (line: string) => written.push(line) }));
    const lines = [
      '{"level":30,"context":"NestFactory","msg":"Starting Nest application..."}',
      '{"level":30,"context":"InstanceLoader","msg":"AppModule dependencies initialized"}',
      '{"level":30,"context":"RoutesResolver","msg":"WorksController {/v1/works}"}',
      '{"level":30,"context":"RouterExplorer","msg":"Mapped {/v1/works, GET} route"}',
      '{"level":30,"context":"NestApplication","msg":"Nest application successfully started"}',
      '{"level":40,"context":"StreetManager","msg":"EMBEDDED SANDBOX"}',
      '{"level":30,"msg":"streetworks-gateway listening on http://127.0.0.1:3000"}',
    ];
    lines.forEach((line) => stream?.write(line));
    expect(written).toEqual(lines.slice(5));
  });
});
