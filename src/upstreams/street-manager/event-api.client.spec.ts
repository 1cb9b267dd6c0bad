import type { StreetManagerRequest, StreetManagerTransport } from './street-manager.transport';
import { EventApiClient, clampPageSize, gatewayCaller } from './event-api.client';

describe('EventApiClient', () => {
  it('keeps page sizes within what the Event API serves (1..250, default 100)', () => {
    expect([
      clampPageSize(undefined),
      clampPageSize(0),
      clampPageSize(1),
      clampPageSize(99.7),
      clampPageSize(250),
      clampPageSize(251),
      clampPageSize(Number.NaN),
    ]).toEqual([100, 1, 1, 99, 250, 250, 100]);
  });

  it('asks for one cursor page in Street Manager’s words and hands back the rows and the next cursor', async () => {
    const sent: StreetManagerRequest[] = [];
    const transport = {
      request: (req: StreetManagerRequest) => {
        sent.push(req);
        return Promise.resolve({ status: 200, headers: {}, body: { rows: [], next_update: 42 } });
      },
    } as unknown as StreetManagerTransport;
    const page = await new EventApiClient(transport).workUpdates(gatewayCaller('7374'), {
      updateId: 7,
      workstreamPrefixes: ['NGN'],
      pageSize: 1000,
    });
    expect(page).toEqual({ rows: [], nextUpdate: 42 });
    expect(sent.map((r) => [r.api, r.method, r.pathTemplate, r.query, r.caller?.organisation])).toEqual([
      [
        'event',
        'GET',
        '/works/updates',
        {
          update_id: 7,
          start_date: undefined,
          end_date: undefined,
          swa_code: undefined,
          workstream_prefix: ['NGN'],
          exclude_events_from: undefined,
          page_size: 250,
        },
        '7374',
      ],
    ]);
  });
});
