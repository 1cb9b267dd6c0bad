import type { StreetManagerApi } from './contract/spec-files';

export interface StreetManagerOperation {
  api: StreetManagerApi;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  pathTemplate: string;
}

/**
 * Every Street Manager V6 operation the gateway calls (the typed clients and the sessions). One list serves two
 * ends: the contract validators of these operations are compiled at boot, not on a request's path; and the contract
 * e2e proves each of them is exercised against the sandbox. A unit test keeps it in step with the clients.
 */
export const STREET_MANAGER_OPERATIONS: readonly StreetManagerOperation[] = [
  // sessions
  { api: 'work', method: 'POST', pathTemplate: '/authenticate' },
  { api: 'party', method: 'POST', pathTemplate: '/refresh' },
  { api: 'party', method: 'POST', pathTemplate: '/logout' },
  // Work API
  { api: 'work', method: 'GET', pathTemplate: '/works/{workReferenceNumber}' },
  { api: 'work', method: 'POST', pathTemplate: '/works' },
  {
    api: 'work',
    method: 'GET',
    pathTemplate: '/works/{workReferenceNumber}/permits/{permitReferenceNumber}',
  },
  { api: 'work', method: 'POST', pathTemplate: '/works/{workReferenceNumber}/permits' },
  {
    api: 'work',
    method: 'PUT',
    pathTemplate: '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/status',
  },
  {
    api: 'work',
    method: 'PUT',
    pathTemplate: '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/assessment',
  },
  {
    api: 'work',
    method: 'GET',
    pathTemplate:
      '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/alterations/{permitAlterationReferenceNumber}',
  },
  {
    api: 'work',
    method: 'POST',
    pathTemplate: '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/alterations',
  },
  {
    api: 'work',
    method: 'PUT',
    pathTemplate:
      '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/alterations/{permitAlterationReferenceNumber}/status',
  },
  {
    api: 'work',
    method: 'GET',
    pathTemplate: '/works/{workReferenceNumber}/inspections/{inspectionReferenceNumber}',
  },
  { api: 'work', method: 'POST', pathTemplate: '/works/{workReferenceNumber}/inspections' },
  {
    api: 'work',
    method: 'GET',
    pathTemplate: '/works/{workReferenceNumber}/fixed-penalty-notices/{fpnReferenceNumber}',
  },
  { api: 'work', method: 'POST', pathTemplate: '/works/{workReferenceNumber}/fixed-penalty-notices' },
  {
    api: 'work',
    method: 'PUT',
    pathTemplate: '/works/{workReferenceNumber}/fixed-penalty-notices/{fpnReferenceNumber}/status',
  },
  { api: 'work', method: 'POST', pathTemplate: '/works/{workReferenceNumber}/comments' },
  {
    api: 'work',
    method: 'GET',
    pathTemplate: '/works/{workReferenceNumber}/comments/{commentReferenceNumber}',
  },
  {
    api: 'work',
    method: 'PUT',
    pathTemplate: '/works/{workReferenceNumber}/comments/{commentReferenceNumber}/read',
  },
  { api: 'work', method: 'GET', pathTemplate: '/activity/{activityReferenceNumber}' },
  { api: 'work', method: 'POST', pathTemplate: '/activity' },
  { api: 'work', method: 'PUT', pathTemplate: '/activity/{activityReferenceNumber}/cancel' },
  {
    api: 'work',
    method: 'GET',
    pathTemplate: '/works/{workReferenceNumber}/forward-plans/{forwardPlanReferenceNumber}',
  },
  { api: 'work', method: 'POST', pathTemplate: '/forward-plans' },
  {
    api: 'work',
    method: 'PUT',
    pathTemplate: '/works/{workReferenceNumber}/forward-plans/{forwardPlanReferenceNumber}/cancel',
  },
  {
    api: 'work',
    method: 'GET',
    pathTemplate: '/works/{workReferenceNumber}/section-81s/{section81ReferenceNumber}',
  },
  { api: 'work', method: 'POST', pathTemplate: '/section-81-works/section-81s' },
  {
    api: 'work',
    method: 'PUT',
    pathTemplate: '/works/{workReferenceNumber}/section-81s/{section81ReferenceNumber}/status',
  },
  // Reporting API
  { api: 'reporting', method: 'GET', pathTemplate: '/permits' },
  { api: 'reporting', method: 'GET', pathTemplate: '/works' },
  { api: 'reporting', method: 'GET', pathTemplate: '/inspections' },
  { api: 'reporting', method: 'GET', pathTemplate: '/fixed-penalty-notices' },
  { api: 'reporting', method: 'GET', pathTemplate: '/comments' },
  { api: 'reporting', method: 'GET', pathTemplate: '/forward-plans' },
  { api: 'reporting', method: 'GET', pathTemplate: '/section-81s' },
  { api: 'reporting', method: 'GET', pathTemplate: '/alterations' },
  { api: 'reporting', method: 'GET', pathTemplate: '/activities' },
  // Party, Street Lookup and GeoJSON APIs
  { api: 'party', method: 'GET', pathTemplate: '/organisations' },
  { api: 'party', method: 'GET', pathTemplate: '/organisations/{organisationReference}' },
  { api: 'lookup', method: 'POST', pathTemplate: '/nsg/streets/search' },
  { api: 'lookup', method: 'GET', pathTemplate: '/nsg/streets/{usrn}' },
  { api: 'geojson', method: 'GET', pathTemplate: '/works' },
  { api: 'geojson', method: 'GET', pathTemplate: '/activities' },
  // Event API
  { api: 'event', method: 'GET', pathTemplate: '/works/updates' },
  { api: 'event', method: 'POST', pathTemplate: '/api-notifications/subscribe' },
  { api: 'event', method: 'POST', pathTemplate: '/api-notifications/unsubscribe' },
  // Worklist API
  { api: 'worklist', method: 'GET', pathTemplate: '/permits-about-to-deem' },
  { api: 'worklist', method: 'GET', pathTemplate: '/potential-works-overrunning' },
  { api: 'worklist', method: 'GET', pathTemplate: '/change-requests-about-to-deem' },
  { api: 'worklist', method: 'GET', pathTemplate: '/work-stops-due' },
  { api: 'worklist', method: 'GET', pathTemplate: '/work-starts-due' },
  { api: 'worklist', method: 'GET', pathTemplate: '/refused-permits' },
  { api: 'worklist', method: 'DELETE', pathTemplate: '/potential-works-overrunning/{permitReferenceNumber}' },
];
