import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { authConfig } from '../../src/config/auth.config';
import { throttlingConfig } from '../../src/config/throttling.config';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { authSettings, SANDBOX_KEYS, throttlingSettings } from '../support';

/** What a raw socket received until the server closed it. */
interface Received {
  text: string;
  closed: Promise<string>;
  socket: Socket;
}

function open(port: number, head: string): Received {
  const socket = connect(port, '127.0.0.1', () => socket.write(head));
  const received: Received = { text: '', socket, closed: Promise.resolve('') };
  received.closed = new Promise((resolve) => {
    socket.on('data', (chunk) => (received.text += chunk.toString('latin1')));
    socket.on('close', () => resolve(received.text));
    socket.on('error', () => undefined);
  });
  return received;
}

const bodyOf = (answer: string): unknown => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
const post = (headers: string) =>
  `POST /v1/works HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n${headers}\r\n`;

describe('slow clients', () => {
  let booted: BootedApp;
  let port: number;

  beforeAll(async () => {
    booted = await bootApp({
      // Short limits, so the test waits for a socket's close rather than for a minute.
      app: { requestTimeoutMs: 300, headersTimeoutMs: 200, keepAliveTimeoutMs: 200 },
      overrides: [
        { provide: authConfig.KEY, useValue: authSettings({ sandbox: SANDBOX_KEYS }) },
        { provide: throttlingConfig.KEY, useValue: throttlingSettings() },
      ],
    });
    await booted.app.listen(0, '127.0.0.1');
    port = (booted.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => booted?.close());

  it('closes a request whose body stops arriving, with 408 in the error body', async () => {
    const client = open(port, `${post(`Ocp-Apim-Subscription-Key: ${SANDBOX_KEYS.promoterKey}\r\n`)}{`);
    const answer = await client.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(bodyOf(answer)).toEqual({
      error: {
        code: 'REQUEST_TIMEOUT',
        message: 'the request took too long to arrive',
        requestId: expect.any(String),
      },
    });
  });

  it('closes a request whose body drips, however steadily', async () => {
    const client = open(port, `${post(`Ocp-Apim-Subscription-Key: ${SANDBOX_KEYS.promoterKey}\r\n`)}{`);
    // A byte whenever the previous one is read would keep an idle timer alive forever; the request timer still ends it.
    const drip = setInterval(() => client.socket.writable && client.socket.write(' '), 50);
    try {
      expect(await client.closed).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(drip);
    }
  });

  it('closes a connection whose headers never end', async () => {
    const client = open(port, 'GET /status HTTP/1.1\r\nHost: localhost\r\n');
    expect(await client.closed).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes an idle keep-alive connection', async () => {
    const client = open(port, 'GET /status HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const answer = await client.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(answer.match(/HTTP\/1\.1 /g)).toHaveLength(1);
  });

  describe('Expect: 100-continue', () => {
    it.each([
      [
        'no credential',
        '',
        'credentials are missing: send a subscription key in the Ocp-Apim-Subscription-Key header',
      ],
      [
        'an unknown subscription key',
        'Ocp-Apim-Subscription-Key: not-a-key\r\n',
        'the subscription key is not valid',
      ],
    ])(
      'with %s: 401 in the error body, no 100 Continue, the body never read',
      async (_name, credential, message) => {
        const client = open(port, post(`Expect: 100-continue\r\n${credential}`));
        const answer = await client.closed;
        expect(answer).toMatch(/^HTTP\/1\.1 401 Unauthorized\r\n/);
        expect(answer).not.toContain('100 Continue');
        expect(answer.toLowerCase()).toContain('www-authenticate: apikey header="ocp-apim-subscription-key"');
        expect(bodyOf(answer)).toEqual({
          error: { code: 'UNAUTHORIZED', message, requestId: expect.any(String) },
        });
      },
    );

    it('to the Street Manager notification receiver (signed in its body, no credential of ours): 100 Continue', async () => {
      const client = open(
        port,
        'POST /street-manager/notifications/7374 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n' +
          'Content-Length: 2\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n',
      );
      await new Promise<void>((resolve) => client.socket.once('data', () => resolve()));
      expect(client.text).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
      client.socket.write('{}');
      // whatever the receiver makes of it, the credential check did not refuse it
      expect(await client.closed).not.toMatch(/ 401 /);
    });

    it('with a valid key: 100 Continue, then the request is handled as usual', async () => {
      const body = '{}';
      const client = open(
        port,
        `POST /v1/works HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n` +
          `Expect: 100-continue\r\nOcp-Apim-Subscription-Key: ${SANDBOX_KEYS.promoterKey}\r\nConnection: close\r\n\r\n`,
      );
      await new Promise<void>((resolve) => client.socket.once('data', () => resolve()));
      expect(client.text).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
      client.socket.write(body);
      const answer = await client.closed;
      // judged on its body like any other request: this one is empty of every required field
      expect(answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 400 Bad Request\r\n/);
      expect(bodyOf(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({
        error: { code: 'BAD_REQUEST' },
      });
    });
  });
});
