/**
 * Our event vocabulary: `<object>.<action>`, objects named as our `/v1` resources are (`permit`,
 * `permit-alteration`, `fixed-penalty-notice`, `section-81`), actions hyphenated: `permit.granted`,
 * `work.start-logged`, `section-81.accepted-fixed`. Derived from Street Manager's audit event names by rule, so every
 * event Street Manager has (171 and growing) gets a name without a table to keep up, and the rule runs backwards:
 * `/v1/work-updates`, whose contract speaks Street Manager's names, reads them back from the log exactly.
 */

/** Street Manager's object prefix → ours. Longest first: the first match wins. */
const OBJECTS: readonly (readonly [street: string, ours: string])[] = [
  ['sample_inspection_target', 'sample-inspection-target'],
  ['sample_inspection', 'sample-inspection'],
  ['scheduled_inspection', 'scheduled-inspection'],
  ['internal_comment', 'internal-comment'],
  ['private_street_notice', 'private-street-notice'],
  ['current_traffic_management_type', 'current-traffic-management-type'],
  ['geographical_area', 'geographical-area'],
  ['organisation', 'organisation'],
  ['non_compliance', 'non-compliance'],
  ['change_request', 'change-request'],
  ['forward_plan', 'forward-plan'],
  ['reinstatement', 'reinstatement'],
  ['section_81', 'section-81'],
  ['section_74', 'section-74'],
  ['section_58', 'section-58'],
  ['alteration', 'permit-alteration'],
  ['inspection', 'inspection'],
  ['workstream', 'workstream'],
  ['activity', 'activity'],
  ['comment', 'comment'],
  ['permit', 'permit'],
  ['work', 'work'],
  ['paa', 'paa'],
  ['fpn', 'fixed-penalty-notice'],
  ['site', 'site'],
  ['user', 'user'],
];
const BACK = new Map<string, string>(OBJECTS.map(([street, ours]) => [ours, street]));
const OTHER = 'other';
const NAME = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

/** `permit_granted` → `permit.granted`; a name outside the prefixes → `other.<name>`; null when not a Street Manager name. */
export function eventTypeFromStreetManager(name: string): string | null {
  if (!NAME.test(name) || name.length > 100) {
    return null;
  }
  for (const [street, ours] of OBJECTS) {
    if (name.startsWith(`${street}_`)) {
      return `${ours}.${name.slice(street.length + 1).replace(/_/g, '-')}`;
    }
  }
  return `${OTHER}.${name.replace(/_/g, '-')}`;
}

/** The exact inverse of eventTypeFromStreetManager. */
export function eventTypeToStreetManager(type: string): string {
  const dot = type.indexOf('.');
  const object = type.slice(0, dot);
  const action = type.slice(dot + 1).replace(/-/g, '_');
  return object === OTHER ? action : `${BACK.get(object) ?? object.replace(/-/g, '_')}_${action}`;
}

/** Street Manager's audit object types → ours (`change_request` → `permit-alteration`, `fpn` → `fixed-penalty-notice`). */
const OBJECT_TYPES: Record<string, string> = {
  change_request: 'permit-alteration',
  fpn: 'fixed-penalty-notice',
};
const OBJECT_TYPES_BACK: Record<string, string> = {
  'permit-alteration': 'change_request',
  'fixed-penalty-notice': 'fpn',
};

export function objectTypeFromStreetManager(objectType: string): string {
  return OBJECT_TYPES[objectType] ?? objectType.replace(/_/g, '-');
}

export function objectTypeToStreetManager(objectType: string): string {
  return OBJECT_TYPES_BACK[objectType] ?? objectType.replace(/-/g, '_');
}

/** The `/v1` collection of each object that has one (comments live under their work). */
const COLLECTIONS: Record<string, string> = {
  permit: 'permits',
  'permit-alteration': 'permit-alterations',
  inspection: 'inspections',
  'fixed-penalty-notice': 'fixed-penalty-notices',
  'section-81': 'section-81s',
  'forward-plan': 'forward-plans',
  activity: 'activities',
};

/**
 * Links to our resources only: the work, and the object itself when `/v1` has it. An activity is no work (Street
 * Manager names its reference in the work field), so it links to itself alone.
 */
export function eventLinks(
  workReferenceNumber: string,
  objectType: string,
  objectReference: string,
): { rel: string; href: string }[] {
  const work = `/v1/works/${encodeURIComponent(workReferenceNumber)}`;
  const links =
    objectType === 'activity' && workReferenceNumber === objectReference ? [] : [{ rel: 'work', href: work }];
  const collection = COLLECTIONS[objectType];
  if (collection && objectReference) {
    links.push({ rel: objectType, href: `/v1/${collection}/${encodeURIComponent(objectReference)}` });
  } else if (objectType === 'comment' && objectReference) {
    links.push({ rel: 'comment', href: `${work}/comments/${encodeURIComponent(objectReference)}` });
  }
  return links;
}
