import { createSandbox } from './sandbox';

/** `npm run sandbox -- --port 4010`: the sandbox on its own, e.g. as the shared upstream of several gateways. */
async function main(): Promise<void> {
  const index = process.argv.indexOf('--port');
  const port = index >= 0 ? Number(process.argv[index + 1]) : 4010;
  const hostIndex = process.argv.indexOf('--host');
  const host = hostIndex >= 0 ? process.argv[hostIndex + 1] : '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error('--port must be an integer from 0 to 65535');
  }
  const sandbox = await createSandbox({ port, host });
  process.stdout.write(
    `Street Manager sandbox listening on ${sandbox.url} (work API ${sandbox.baseUrls.work})\n`,
  );
  process.stdout.write(
    `Seeded users:\n${sandbox.users.map((u) => `  ${u.organisationType} ${u.organisationSwaCode} ${u.email} / ${u.password}`).join('\n')}\n`,
  );
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`sandbox failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
