import type { SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { SmComment } from '../upstreams/street-manager/work-api.client';
import { commentFromReporting, commentFromStreetManager } from './comments.mapper';

type SmCommentRow = SmReportingLists['/comments']['row'];

describe('comments mapper', () => {
  it('maps a reporting row in full: the topic in v1 words, UTC times, links to itself and its work', () => {
    const row = {
      comment_reference_number: 'NGN0001234-COM-01',
      work_reference_number: 'NGN0001234',
      topic: 'SECTION_74',
      detail: 'Overrun expected',
      is_internal: false,
      author_organisation_reference: '4720',
      author_email_address: 'officer@leeds.example',
      date_created: '2026-08-09T13:58:07.000+01:00',
      is_read: true,
      read_on: '2026-08-10T09:00:00.000Z',
    } as unknown as SmCommentRow;
    expect(commentFromReporting(row, undefined)).toEqual({
      commentReferenceNumber: 'NGN0001234-COM-01',
      workReferenceNumber: 'NGN0001234',
      topic: 'section_74',
      detail: 'Overrun expected',
      internal: false,
      authorOrganisationSwaCode: '4720',
      authorEmailAddress: 'officer@leeds.example',
      dateCreated: '2026-08-09T12:58:07Z',
      read: true,
      readOn: '2026-08-10T09:00:00Z',
      links: [
        { rel: 'self', href: '/v1/works/NGN0001234/comments/NGN0001234-COM-01', type: 'GET' },
        { rel: 'work', href: '/v1/works/NGN0001234', type: 'GET' },
      ],
    });
  });

  it('makes a topic it does not know unknown and an unread comment’s readOn null', () => {
    const row = {
      comment_reference_number: 'NGN0001234-COM-02',
      work_reference_number: 'NGN0001234',
      topic: 'NEW_TOPIC',
      detail: 'x',
      is_internal: true,
      author_organisation_reference: '7374',
      author_email_address: 'a@ngn.example',
      date_created: '2026-08-09T00:00:00.000Z',
      is_read: false,
      read_on: null,
    } as unknown as SmCommentRow;
    expect(commentFromReporting(row, undefined)).toMatchObject({
      topic: 'unknown',
      internal: true,
      read: false,
      readOn: null,
      dateCreated: '2026-08-09T00:00:00Z',
    });
  });

  it('maps V6’s single comment, the work reference from the path, absent flags false', () => {
    const comment = {
      comment_reference_number: 'NGN0001234-COM-03',
      comment_topic: 'overrun',
      detail: 'Finishing tomorrow',
      author_organisation_ref: '7374',
      author_email_address: 'site@ngn.example',
      date_created: '2026-08-09T13:58:07.000+01:00',
      read_on: null,
    } as unknown as SmComment;
    expect(commentFromStreetManager(comment, 'NGN0001234', undefined)).toEqual({
      commentReferenceNumber: 'NGN0001234-COM-03',
      workReferenceNumber: 'NGN0001234',
      topic: 'overrun',
      detail: 'Finishing tomorrow',
      internal: false,
      authorOrganisationSwaCode: '7374',
      authorEmailAddress: 'site@ngn.example',
      dateCreated: '2026-08-09T12:58:07Z',
      read: false,
      readOn: null,
      links: [
        { rel: 'self', href: '/v1/works/NGN0001234/comments/NGN0001234-COM-03', type: 'GET' },
        { rel: 'work', href: '/v1/works/NGN0001234', type: 'GET' },
      ],
    });
  });
});
