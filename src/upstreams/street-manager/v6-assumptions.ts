/**
 * Everything the gateway (and its sandbox) assumes about Street Manager V6 that the V6 contract files in
 * openapi/upstream/street-manager/v6 cannot say. Those files were rebuilt from two clients generated from DfT's
 * swagger (see their README): exact for paths, parameters, shapes, required flags and enums; silent on status
 * codes, error bodies, integer vs number and limits. Where they are silent we follow the V3.6 files and DfT's
 * documentation. Whoever fetches `https://api.sandbox.manage-roadworks.service.gov.uk/v6/<api>/swagger.json`
 * can check this list in one sitting; the constants below are the ones code uses, so a correction is one edit.
 */

export interface V6Assumption {
  id: string;
  topic: string;
  assumption: string;
  /** where it comes from */
  basis: string;
}

/** `GET /event/works/updates`: rows per page when page_size is absent, and the most Street Manager serves. */
export const EVENT_PAGE_SIZE_DEFAULT = 100;
export const EVENT_PAGE_SIZE_MAX = 250;
/** Reporting lists: rows per page (fixed; there is no page size parameter). */
export const REPORTING_PAGE_SIZE = 25;
/** Reporting lists: `total_rows` stops counting here, "501 or more". */
export const REPORTING_TOTAL_ROWS_CAP = 501;
/** `POST /lookup/nsg/streets/search`: coordinates per request. */
export const STREET_SEARCH_MAX_COORDINATES = 10;

export const V6_ASSUMPTIONS: readonly V6Assumption[] = [
  {
    id: 'V6-A1',
    topic: 'success status codes',
    assumption:
      'The files give most successes as `2XX`. We read any 2xx with the 2XX schema and expect what V3.6 answered: 200 for reads, 201 for creates (POST returning a reference), 204 for status changes, PUT .../read and unsubscribe; the worklist DELETE answers 204 even when nothing matched.',
    basis: 'V3.6 swagger; DfT worklist resource guide',
  },
  {
    id: 'V6-A2',
    topic: 'error statuses and body',
    assumption:
      'Unchanged from V3.6: body `{ message, error: { status } }`; 400 bad input, 401 unauthenticated or "access restricted", 403 GeoJSON over 100 features, 404 unknown reference, 409 duplicate, 412 precondition, 423 locked account, 429 throttled. A missing close_footpath on a create is a 400 naming the field.',
    basis: 'V3.6 swagger and DfT docs; V6 files carry no error responses',
  },
  {
    id: 'V6-A3',
    topic: 'integer vs number',
    assumption:
      'Every numeric field is `number` in the files. We treat offsets, total_rows, update_id, next_update, page_size, usrn, road_category and SWA-derived counts as integers (JSON numbers without fraction); coordinates stay numbers.',
    basis: 'V3.6 swagger marks these integer',
  },
  {
    id: 'V6-A4',
    topic: 'reporting paging and include_total_count',
    assumption: `Offset paging as V3.6: ${REPORTING_PAGE_SIZE} rows a page, \`offset\` counts rows, \`pagination { total_rows, has_next_page }\` always present (both required in the files). \`include_total_count\` (not on */files, /works, /geographical-areas) decides whether total_rows is counted: absent or false → total_rows is not a count (the sandbox answers 0) and only has_next_page is meaningful; true → counted, capped at ${REPORTING_TOTAL_ROWS_CAP} ("${REPORTING_TOTAL_ROWS_CAP} or more"). Every v1 list shows a total, so the gateway always sends include_total_count=true on the lists that take it (one URL per page, so pages stay shareable between windows and caches).`,
    basis: 'README of v6-merged ("meaning undocumented here"); V3.6 paging docs for the cap',
  },
  {
    id: 'V6-A5',
    topic: 'GET /reporting/works',
    assumption:
      'A search, not a list: `work_reference_number` matches works whose reference starts with the text, `swa_code` narrows to an organisation; at most one page (no offset), `{ rows }` only. It cannot list by status or date, so GET /v1/works keeps listing through the permits report (active permit per work).',
    basis: 'parameters and response shape in reporting-openapi.json',
  },
  {
    id: 'V6-A6',
    topic: 'GET /reporting/activities',
    assumption:
      'Paged like the other reporting lists; an authority sees its own activities, a promoter or contractor those in the areas it may see. `query` searches the activity reference, name and street. No date filter upstream: the gateway filters dates within the page window.',
    basis: 'reporting-openapi.json; V3.6 reporting visibility rules',
  },
  {
    id: 'V6-A7',
    topic: 'open enums',
    assumption:
      'Response enums still list `upcoming_enum`; DfT adds values in minor releases every two weeks. The gateway reads every enum in a response as open (any string passes the contract check); mappers pass an unknown value through unchanged (documented on the outer field), never a 502. Request enums stay closed (Street Manager refuses unknown values).',
    basis: 'V3.6 docs ("map unknown values safely"); V6 files',
  },
  {
    id: 'V6-A8',
    topic: 'additionalProperties: false',
    assumption:
      "Set by the 2026 generator, not by DfT. The gateway ignores it on answers (a field added upstream is no error); the sandbox's own answers are checked with it in tests so the sandbox stays exactly on the files.",
    basis: 'v6-merged README',
  },
  {
    id: 'V6-A9',
    topic: 'Event API cursor',
    assumption: `\`GET /event/works/updates\` answers rows with update_id above \`update_id\`, oldest first, at most page_size (default ${EVENT_PAGE_SIZE_DEFAULT}, max ${EVENT_PAGE_SIZE_MAX}); \`next_update\` is the update_id to pass next when more rows are waiting, null when the feed is drained. Without update_id, start_date and/or end_date bound the feed; one of them or update_id is required (400 otherwise). Visibility as the Reporting API (own organisation's works).`,
    basis: 'DfT Event API guide (page size); V3.6 /works/updates rules',
  },
  {
    id: 'V6-A10',
    topic: 'work update ids',
    assumption:
      'update_id is a positive integer increasing with time across all works, so it can be a cursor the gateway hands out (our `after`).',
    basis: 'V3.6 polling docs',
  },
  {
    id: 'V6-A11',
    topic: 'api-notifications subscribe / unsubscribe',
    assumption:
      'subscribe answers 201 `{ subscription_reference_number }`; the endpoint gets an SNS SubscriptionConfirmation first. unsubscribe answers 204; with `subscription_reference_number` (2026 body) it ends that subscription, without it (2025 body) every subscription of the organisation. Listing subscriptions has no stored path and is not called.',
    basis: 'event-openapi.json (2025 ∪ 2026 bodies); DfT notification guide',
  },
  {
    id: 'V6-A12',
    topic: 'street search',
    assumption: `\`POST /lookup/nsg/streets/search\` takes 1–${STREET_SEARCH_MAX_COORDINATES} unique coordinates and answers the streets near any of them as a flat StreetResponse[] (not grouped per coordinate); nothing near is 200 with [] (V3.6's GET answered 404, still treated as empty).`,
    basis: 'StreetsRequest description text; V3.6 lookup docs',
  },
  {
    id: 'V6-A13',
    topic: 'close_footpath',
    assumption:
      'Required on WorkCreateRequest, PermitCreateRequest and the alteration create body, enum `yes_discussed_with_ha | no` (public footpaths, location type `footpath`, not the footway next to a carriageway, which close_footway covers). The gateway sends `no` when a caller leaves it out and `footpath` is not among the location types, and answers 422 (field closeFootpath) when it is, because only the caller can say the closure was discussed with the authority.',
    basis: 'work-openapi.json required lists; DfT release notes for the field',
  },
  {
    id: 'V6-A14',
    topic: 'removed fields',
    assumption:
      'environmental_health_notifiable and is_covid_19_response are gone from creates and answers; reading an answer without them is normal. Outer fields fed by them are kept as null and deprecated.',
    basis: 'diff-v3.6-to-v6.txt §3',
  },
  {
    id: 'V6-A15',
    topic: 'worklists',
    assumption:
      'Worklist lists are unpaged arrays scoped to the user\'s organisation and to "today" in Street Manager\'s time (UTC): permits-about-to-deem and potential-works-overrunning for authorities, work-stops-due and refused-permits for promoters and contractors; the wrong side gets 401 like other role refusals. `/work-starts-due` and `/change-requests-about-to-deem` are inferred paths (x-inferred in the file): same shape rules, promoter side and authority side respectively.',
    basis: 'DfT V6/V7 worklist resource guides; worklist-openapi.json',
  },
  {
    id: 'V6-A16',
    topic: 'GET single comment',
    assumption:
      '`GET /work/works/{wrn}/comments/{commentReferenceNumber}` answers CommentResponse; internal comments of another organisation are 404 to the reader, as in the reporting list.',
    basis: 'work-openapi.json; V3.6 comment visibility',
  },
  {
    id: 'V6-A18',
    topic: 'numeric code lists typed as strings',
    assumption:
      'lookup ReinstatementTypeCodeResponse is `type: string` with numeric values (1..10, 999), a defect of the rebuilt files; V3.6 typed it number. The contract check accepts the numbers and their text; the sandbox sends numbers.',
    basis: 'lookup-openapi.json vs V3.6 lookup swagger',
  },
  {
    id: 'V6-A19',
    topic: 'comment topic case',
    assumption:
      "Comments are created with upper-case topics (GENERAL ...) and the Reporting API lists them upper case, but the Work API's CommentTopicResponse lists lower-case values; GET of a single comment is assumed to answer lower case, and the gateway maps topics case-insensitively.",
    basis: 'work-openapi.json CommentTopic vs CommentTopicResponse',
  },
  {
    id: 'V6-A20',
    topic: 'reporting free-text query',
    assumption:
      'V6 reporting lists dropped the free-text `query` for precise filters: work_reference_number, street_descriptor, usrn, organisation and the list\'s own object reference. They are assumed to match by "contains" (references, street name) and exactly (usrn, organisation SWA code).',
    basis: 'reporting-openapi.json parameters',
  },
  {
    id: 'V6-A21',
    topic: 'inspection list and reinspections',
    assumption:
      '`GET /reporting/inspections` rows no longer carry inspection_response_type or reinspection_date_time; reinspections are listed by `GET /reporting/reinspections`, whose rows have no reference number. The gateway cannot tell a reinspection in its inspection list, so v1 `responseType` is null and `responseType=reinspection` a 422.',
    basis: 'reporting-openapi.json InspectionSummaryResponse, ReinspectionSummaryResponse',
  },
  {
    id: 'V6-A22',
    topic: 'optional fields the v1 contract shows as required',
    assumption:
      "Section 81 made_safe_by_ha (optional in V6) is read as false when absent; a single comment's author_organisation_ref (nullable) as an empty text. Both are always present in the sandbox.",
    basis: 'work-openapi.json / reporting-openapi.json',
  },
  {
    id: 'V6-A17',
    topic: 'authentication',
    assumption:
      'Unchanged on the wire: POST /work/authenticate (camelCase), POST /party/refresh `{ refresh_token }`, POST /party/logout `{ access_token }`, header `token`, lifetimes and lockout as V3.6.',
    basis: 'diff-v3.6-to-v6.txt §3 (no field changes); V3.6 docs',
  },
  {
    id: 'V6-A23',
    topic: 'worklist row values',
    assumption:
      'Worklist rows type `works_category`, `highest_traffic_management_type` and `reasons_for_refusal` as plain strings: assumed to be the Work API codes (`minor`, `two_way_signals`, `RC10`) or their labels (`Minor`, `Two way signals`, `RC10 - …`). The v1 worklists read either into the v1 codes (`unknown` otherwise); `promoter` and `highway_authority` are organisation names, not SWA codes, so rows link to permits and works only. The sandbox sends labels for the first two and codes for the reasons.',
    basis: 'worklist-openapi.json schemas (no enums); work-openapi.json ReasonForRefusal',
  },
  {
    id: 'V6-A24',
    topic: 'notification and Event API ids',
    assumption:
      "An SNS notification's `event_reference` (Event Notifier message) is the same number as the Event API row's `update_id` for that change, so the event intake deduplicates a change seen both ways on it. Were they different numbers, such a change would be logged twice, never lost.",
    basis:
      'event-notifier-message.json and event-openapi.json WorkUpdateSummaryResponse (neither says the two are equal)',
  },
];
