import type { GatewayEvent } from '../events/gateway-event';
import type { WebhookSubscription } from './webhook.model';
import { matches, webhookPayload, wantsType } from './webhook-payload';

const event: GatewayEvent = {
  id: '1733400000000-0',
  organisation: '7374',
  type: 'permit.granted',
  occurredAt: '2026-12-05T10:00:00.000Z',
  workReferenceNumber: 'TSR1591199404915',
  objectType: 'permit',
  objectReference: 'TSR1591199404915-01',
  links: [{ rel: 'permit', href: '/v1/permits/TSR1591199404915-01' }],
};

const subscription = (over: Partial<WebhookSubscription>): WebhookSubscription => ({
  id: 's',
  organisation: '7374',
  url: 'https://example.com/hook',
  eventTypes: ['*'],
  enabled: true,
  secrets: [],
  createdAt: '',
  updatedAt: '',
  ...over,
});

describe('webhook payload', () => {
  it('is our event in the Standard Webhooks shape, links made absolute with the public base URL', () => {
    expect(webhookPayload(event, 'https://api.example.gov.uk')).toEqual({
      type: 'permit.granted',
      timestamp: '2026-12-05T10:00:00.000Z',
      data: {
        eventId: '1733400000000-0',
        workReferenceNumber: 'TSR1591199404915',
        objectType: 'permit',
        objectReference: 'TSR1591199404915-01',
        links: [{ rel: 'permit', href: 'https://api.example.gov.uk/v1/permits/TSR1591199404915-01' }],
      },
    });
    expect(webhookPayload(event, undefined).data.links).toEqual(event.links);
  });

  it('matches exact types, families and everything, never another family', () => {
    expect([
      wantsType(['permit.granted'], 'permit.granted'),
      wantsType(['permit.*'], 'permit.granted'),
      wantsType(['*'], 'permit.granted'),
      wantsType(['work.*'], 'permit.granted'),
      wantsType(['permit.*'], 'permits.granted'),
      wantsType(['permit.refused'], 'permit.granted'),
    ]).toEqual([true, true, true, false, false, false]);
  });

  it('filters on the organisation and the work references', () => {
    expect([
      matches(subscription({}), event),
      matches(subscription({ organisation: '0001' }), event),
      matches(subscription({ workReferenceNumbers: ['TSR1591199404915'] }), event),
      matches(subscription({ workReferenceNumbers: ['OTHER'] }), event),
    ]).toEqual([true, false, true, false]);
  });
});
