import { fromNotifierMessage, fromWorkUpdate, NotifierMessageError } from './street-manager-events';

const permitMessage = {
  event_reference: 4711,
  event_type: 'PERMIT_GRANTED',
  event_time: '2026-12-05T10:00:00.000Z',
  object_type: 'PERMIT',
  object_reference: 'NGN0000847560-01',
  version: 1,
  object_data: {
    work_reference_number: 'NGN0000847560',
    permit_reference_number: 'NGN0000847560-01',
    promoter_swa_code: '7374',
    highway_authority: 'Somewhere Council',
    highway_authority_swa_code: '1234',
    street_name: 'HIGH STREET',
    usrn: '123',
    traffic_management_type: 'Road closure',
    activity_type: 'Utility repair and maintenance works',
    road_category: '3',
    works_location_coordinates: '{"type":"Point","coordinates":[1,2]}',
  },
};

describe('Street Manager events → ours', () => {
  it('maps an Event Notifier message, keeping nothing of object_data but the work', () => {
    expect(fromNotifierMessage(JSON.stringify(permitMessage), '7374')).toEqual({
      event: {
        organisation: '7374',
        type: 'permit.granted',
        occurredAt: '2026-12-05T10:00:00.000Z',
        workReferenceNumber: 'NGN0000847560',
        objectType: 'permit',
        objectReference: 'NGN0000847560-01',
        links: [
          { rel: 'work', href: '/v1/works/NGN0000847560' },
          { rel: 'permit', href: '/v1/permits/NGN0000847560-01' },
        ],
      },
      dedupeKey: 'sm-update:4711',
    });
  });

  it('maps an activity to the activity alone', () => {
    const activity = {
      ...permitMessage,
      event_type: 'ACTIVITY_CREATED',
      object_type: 'ACTIVITY',
      object_reference: 'ACT7374900001',
      object_data: {},
    };
    expect(fromNotifierMessage(JSON.stringify(activity), '7374').event).toMatchObject({
      type: 'activity.submitted',
      workReferenceNumber: 'ACT7374900001',
      links: [{ rel: 'activity', href: '/v1/activities/ACT7374900001' }],
    });
  });

  it.each([
    ['not JSON', '{'],
    ['an unknown event type', JSON.stringify({ ...permitMessage, event_type: 'PERMIT_EXPLODED' })],
    ['a fractional reference', JSON.stringify({ ...permitMessage, event_reference: 1.5 })],
    ['a bad time', JSON.stringify({ ...permitMessage, event_time: 'yesterday' })],
    ['a reference that could climb a path', JSON.stringify({ ...permitMessage, object_reference: '../x' })],
  ])('refuses %s', (_name, message) => {
    expect(() => fromNotifierMessage(message, '7374')).toThrow(NotifierMessageError);
  });

  it('maps an Event API row with the same dedupe key as the notification of the same change', () => {
    expect(
      fromWorkUpdate(
        {
          work_reference_number: 'NGN0000847560',
          update_date_time: '2026-12-05T10:00:00Z',
          update_id: 4711,
          event_type: 'permit_granted',
          object_type: 'permit',
          object_reference_number: 'NGN0000847560-01',
        },
        '7374',
      ),
    ).toEqual(fromNotifierMessage(JSON.stringify(permitMessage), '7374'));
  });

  it('skips rows it cannot represent', () => {
    const row = {
      work_reference_number: 'W1',
      update_date_time: '2026-12-05T10:00:00Z',
      update_id: 1,
      event_type: 'permit_granted',
      object_type: 'permit',
    };
    expect(fromWorkUpdate({ ...row, event_type: 'upcoming_event' }, 'X')).toBeNull();
    expect(fromWorkUpdate({ ...row, object_type: 'upcoming_enum' }, 'X')).toBeNull();
    expect(fromWorkUpdate({ ...row, update_date_time: 'soon' }, 'X')).toBeNull();
    expect(fromWorkUpdate(row, 'X')?.event.objectReference).toBe('W1');
  });
});
