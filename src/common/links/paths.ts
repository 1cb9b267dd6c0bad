/** `/v1/works` + ['AB-1'] → `/v1/works/AB-1`, each segment percent-encoded. */
export function resourcePath(base: string, ...segments: (string | number)[]): string {
  let path = base;
  for (const segment of segments) {
    path += `/${encodeURIComponent(segment)}`;
  }
  return path;
}

/** Characters `application/x-www-form-urlencoded` (URLSearchParams) leaves as they are. */
const FORM_SAFE = /^[A-Za-z0-9*._-]*$/;

/** `/v1/permits` + { workReferenceNumber: 'X' } → `/v1/permits?workReferenceNumber=X` (undefined values dropped). */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  // Built by hand, as URLSearchParams would encode it: a work's links hold two such paths, and a URLSearchParams
  // per link was a fifth of mapping a work. Values that need encoding still go through URLSearchParams.
  let qs = '';
  for (const key in query) {
    const value = query[key];
    if (value === undefined) {
      continue;
    }
    const text = String(value);
    const pair =
      FORM_SAFE.test(key) && FORM_SAFE.test(text)
        ? `${key}=${text}`
        : new URLSearchParams([[key, text]]).toString();
    qs = qs === '' ? pair : `${qs}&${pair}`;
  }
  return qs ? `${path}?${qs}` : path;
}

/** Where each v1 resource lives: the one place controllers (Location), mappers and links build paths from. */
export const V1 = {
  works: '/v1/works',
  permits: '/v1/permits',
  permitAlterations: '/v1/permit-alterations',
  inspections: '/v1/inspections',
  fixedPenaltyNotices: '/v1/fixed-penalty-notices',
  forwardPlans: '/v1/forward-plans',
  section81s: '/v1/section-81s',
  activities: '/v1/activities',
  streets: '/v1/streets',
  organisations: '/v1/organisations',
  workUpdates: '/v1/work-updates',
  webhookSubscriptions: '/v1/webhook-subscriptions',
  me: '/v1/me',
} as const;

export const worksPath = (workReferenceNumber: string): string => resourcePath(V1.works, workReferenceNumber);
export const commentsPath = (workReferenceNumber: string): string =>
  `${worksPath(workReferenceNumber)}/comments`;
export const permitPath = (permitReferenceNumber: string): string =>
  resourcePath(V1.permits, permitReferenceNumber);
export const alterationPath = (reference: string): string => resourcePath(V1.permitAlterations, reference);
export const inspectionPath = (reference: string): string => resourcePath(V1.inspections, reference);
export const fpnPath = (reference: string): string => resourcePath(V1.fixedPenaltyNotices, reference);
export const forwardPlanPath = (reference: string): string => resourcePath(V1.forwardPlans, reference);
export const section81Path = (reference: string): string => resourcePath(V1.section81s, reference);
export const activityPath = (reference: string): string => resourcePath(V1.activities, reference);

/** A street or organisation a row may not name: no code, no link. */
export function streetPath(usrn: number): string;
export function streetPath(usrn: number | null | undefined): string | undefined;
export function streetPath(usrn: number | null | undefined): string | undefined {
  return usrn ? resourcePath(V1.streets, usrn) : undefined;
}

export function organisationPath(swaCode: string): string;
export function organisationPath(swaCode: string | null | undefined): string | undefined;
export function organisationPath(swaCode: string | null | undefined): string | undefined {
  return swaCode ? resourcePath(V1.organisations, swaCode) : undefined;
}

/** The list of a work's items: `/v1/permits?workReferenceNumber=…`. */
export const ofWork = (collectionPath: string, workReferenceNumber: string): string =>
  withQuery(collectionPath, { workReferenceNumber });
