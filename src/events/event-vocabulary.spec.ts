import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  eventLinks,
  eventTypeFromStreetManager,
  eventTypeToStreetManager,
  objectTypeFromStreetManager,
  objectTypeToStreetManager,
} from './event-vocabulary';

const eventSpec = JSON.parse(
  readFileSync(
    join(__dirname, '../../openapi/upstream/street-manager/v6/event-openapi.json'),
    'utf8',
  ).toString(),
) as {
  components: {
    schemas: { AuditEventType: { enum: string[] }; AuditObjectTypeResponse: { enum: string[] } };
  };
};

describe('event vocabulary', () => {
  it('names events object.action, objects as our /v1 resources', () => {
    expect(
      [
        'permit_granted',
        'work_start_logged',
        'alteration_granted',
        'fpn_paid',
        'section_81_accepted_fixed',
        'sample_inspection_target_created',
        'workstream_created',
        'upcoming_event',
        'historic_action',
      ].map(eventTypeFromStreetManager),
    ).toEqual([
      'permit.granted',
      'work.start-logged',
      'permit-alteration.granted',
      'fixed-penalty-notice.paid',
      'section-81.accepted-fixed',
      'sample-inspection-target.created',
      'workstream.created',
      'other.upcoming-event',
      'other.historic-action',
    ]);
  });

  it('reads every Street Manager V6 audit event name back exactly', () => {
    const names = eventSpec.components.schemas.AuditEventType.enum;
    expect(names.length).toBeGreaterThan(150);
    const roundTrip = names.map((n) => eventTypeToStreetManager(eventTypeFromStreetManager(n)!));
    expect(roundTrip).toEqual(names);
    expect(new Set(names.map(eventTypeFromStreetManager)).size).toBe(names.length);
  });

  it('refuses what is not a Street Manager name', () => {
    expect(
      ['', 'Permit_Granted', 'permit granted', 'a'.repeat(101), 'permit__granted', '_x'].map(
        eventTypeFromStreetManager,
      ),
    ).toEqual([null, null, null, null, null, null]);
  });

  it('maps object types both ways', () => {
    const types = eventSpec.components.schemas.AuditObjectTypeResponse.enum;
    expect(types.map((t) => objectTypeToStreetManager(objectTypeFromStreetManager(t)))).toEqual(types);
    expect(['change_request', 'fpn', 'section_81', 'permit'].map(objectTypeFromStreetManager)).toEqual([
      'permit-alteration',
      'fixed-penalty-notice',
      'section-81',
      'permit',
    ]);
  });

  it('links to /v1 resources only, references encoded', () => {
    expect(eventLinks('WRN1', 'permit', 'WRN1-01')).toEqual([
      { rel: 'work', href: '/v1/works/WRN1' },
      { rel: 'permit', href: '/v1/permits/WRN1-01' },
    ]);
    expect(eventLinks('WRN1', 'comment', 'C/1')).toEqual([
      { rel: 'work', href: '/v1/works/WRN1' },
      { rel: 'comment', href: '/v1/works/WRN1/comments/C%2F1' },
    ]);
    expect(eventLinks('WRN1', 'reinstatement', 'R1')).toEqual([{ rel: 'work', href: '/v1/works/WRN1' }]);
  });
});
