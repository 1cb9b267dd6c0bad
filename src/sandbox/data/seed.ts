import { Prng } from '../prng';
import { HIGHWAY_AUTHORITIES, organisationBySwa, PROMOTERS, type OrganisationRecord } from './organisations';
import type {
  ActivityRecord,
  CommentRecord,
  Geometry,
  HistoryRecord,
  InspectionRecord,
  PermitRecord,
  Position,
  StreetRecord,
  WorkRecord,
  WorksRegisterRecord,
} from './records';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const STREETS_PER_AUTHORITY = 40;
const ACTIVITIES_PER_AUTHORITY = 12;

const STREET_NAMES = [
  'Station Road',
  'High Street',
  'Church Lane',
  'Victoria Road',
  'Park Avenue',
  'Mill Lane',
  'Queen Street',
  'King Street',
  'Albert Road',
  'Green Lane',
  'Manor Road',
  'School Lane',
  'North Street',
  'West End Lane',
  'Springfield Road',
  'York Road',
  'Chapel Street',
  'Grove Road',
  'Oxford Street',
  'New Road',
  'Kirkgate',
  'Woodhouse Lane',
  'Wellington Street',
  'Moor Lane',
  'Westgate',
  'Bridge Street',
  'Castle Street',
  'Beech Grove',
  'Elm Terrace',
  'Marsh Lane',
  'Canal Road',
  'Hill Top Road',
  'Low Lane',
  'Market Street',
  'Cemetery Road',
  'Harrogate Road',
  'Meadow Way',
  'Orchard Close',
  'Tower Street',
  'Wharf Street',
];
const AREAS = ['City Centre', 'North', 'South', 'East', 'West', 'Riverside', 'Hillside', 'Parkside'];

const DESCRIPTIONS: Record<string, string[]> = {
  NGN: [
    'Replace low pressure gas main',
    'Repair gas escape in footway',
    'New gas service connection',
    'Renew gas service pipe',
  ],
  YWS: [
    'Repair leaking water main',
    'Replace water meter chamber',
    'Sewer rehabilitation',
    'New water supply connection',
  ],
  BTO: [
    'Install new duct for fibre',
    'Replace damaged joint box cover',
    'Fibre cabinet installation',
    'Repair telecoms duct',
  ],
  NPG: [
    'Replace low voltage cable',
    'New electricity service connection',
    'Repair high voltage fault',
    'Link box replacement',
  ],
};
const LOCATIONS = [
  'Outside no. {n}',
  'Opposite no. {n}',
  'Junction with {s}',
  'Near bus stop outside no. {n}',
  'Footway adjacent to no. {n}',
];
const TRAFFIC = [
  'road_closure',
  'lane_closure',
  'two_way_signals',
  'multi_way_signals',
  'stop_go_boards',
  'give_and_take',
  'some_carriageway_incursion',
  'no_carriageway_incursion',
];
const ACTIVITY_TYPES = [
  'utility_repair_and_maintenance_works',
  'utility_asset_works',
  'new_service_connection',
  'diversionary_works',
  'remedial_works',
];
const LOCATION_TYPES = ['footway', 'carriageway', 'verge', 'cycleway'];
const COST_CENTRES = [
  'CC-1040 Networks North',
  'CC-2210 Mains Renewal',
  'CC-3105 Connections',
  'CC-4400 Emergency Response',
];
const TEAMS = ['Street works coordination', 'Network planning', 'Emergency response', 'Connections delivery'];
const INSPECTORS = ['A. Patel', 'J. Smith', 'K. Brown', 'M. Okafor', 'S. Walsh', 'R. Hughes'];

export interface SeedResult {
  streets: StreetRecord[];
  works: WorkRecord[];
  activities: ActivityRecord[];
  register: WorksRegisterRecord[];
}

export function seed(seedValue: number, workCount: number, now: number): SeedResult {
  const rng = new Prng(seedValue);
  const streets = HIGHWAY_AUTHORITIES.flatMap((ha, i) => makeStreets(rng, ha, i));
  const streetsByHa = new Map<string, StreetRecord[]>();
  for (const s of streets) {
    streetsByHa.set(s.haSwa, [...(streetsByHa.get(s.haSwa) ?? []), s]);
  }
  const sequence = new Map<string, number>();
  const works: WorkRecord[] = [];
  for (let i = 0; i < workCount; i++) {
    const ha = rng.weighted(
      HIGHWAY_AUTHORITIES,
      HIGHWAY_AUTHORITIES.map((o) => o.weight),
    );
    const promoter = rng.weighted(
      PROMOTERS,
      PROMOTERS.map((o) => o.weight),
    );
    const n = (sequence.get(promoter.prefix) ?? 0) + 1;
    sequence.set(promoter.prefix, n);
    works.push(makeWork(rng, promoter, ha, rng.pick(streetsByHa.get(ha.swaCode) ?? []), n, now));
  }
  const ordinals = new Map<string, number>();
  works.forEach((work, i) => {
    // the how-many-th work of its status in its authority's area: spreads the V6 values over every authority
    const key = `${work.haSwa} ${work.status}`;
    ordinals.set(key, (ordinals.get(key) ?? 0) + 1);
    exerciseV6Values(work, i, ordinals.get(key)!, now);
  });
  // One forward plan of the demo promoter (7374) stays raised, so cancelling one can be tried: the documented example of
  // PUT /v1/forward-plans/{forwardPlanReferenceNumber}/status names it. Set after the draws, so no other data moves.
  const plan = works.filter((w) => w.promoterSwa === '7374').flatMap((w) => w.forwardPlans)[0];
  if (plan) {
    plan.status = 'raised';
  }
  const activities = HIGHWAY_AUTHORITIES.flatMap((ha, h) =>
    Array.from({ length: ACTIVITIES_PER_AUTHORITY }, (_, i) =>
      makeActivity(rng, ha, rng.pick(streetsByHa.get(ha.swaCode) ?? []), h * 100 + i + 1, now),
    ),
  );
  const register = works.map((w, i) => ({
    workReferenceNumber: w.reference,
    jobNumber: `JOB-${String(200000 + i * 7).padStart(7, '0')}`,
    costCentre: rng.pick(COST_CENTRES),
    contactTeam: rng.pick(TEAMS),
    notes: rng.chance(0.3) ? 'Customer notified by letter drop' : '',
    updatedAt: w.dateCreated,
  }));
  return { streets, works, activities, register };
}

function makeStreets(rng: Prng, ha: OrganisationRecord, haIndex: number): StreetRecord[] {
  const area = ha.area!;
  return Array.from({ length: STREETS_PER_AUTHORITY }, (_, i) => {
    const start: Position = [
      round(rng.int(area.minE + 500, area.maxE - 1500)),
      round(rng.int(area.minN + 500, area.maxN - 1500)),
    ];
    const heading = rng.next() * Math.PI * 2;
    const line: Position[] = [start];
    for (let v = 0; v < rng.int(2, 4); v++) {
      const [e, n] = line[line.length - 1];
      const len = rng.int(80, 220);
      const turn = heading + (rng.next() - 0.5) * 0.6;
      line.push([round(e + Math.cos(turn) * len), round(n + Math.sin(turn) * len)]);
    }
    return {
      usrn: 10_000_000 + (haIndex + 1) * 100_000 + i * 13 + rng.int(0, 9),
      name: STREET_NAMES[i % STREET_NAMES.length],
      town: ha.town,
      area: rng.pick(AREAS),
      haSwa: ha.swaCode,
      roadCategory: rng.int(2, 4),
      trafficSensitive: rng.chance(0.2),
      line,
    };
  });
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

function geometryOn(rng: Prng, street: StreetRecord): Geometry {
  const seg = rng.int(0, street.line.length - 2);
  const [a, b] = [street.line[seg], street.line[seg + 1]];
  const t = rng.next() * 0.6;
  const p: Position = [round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t)];
  const kind = rng.weighted(['Point', 'LineString', 'Polygon'] as const, [0.5, 0.35, 0.15]);
  if (kind === 'Point') {
    return { type: 'Point', coordinates: p };
  }
  const q: Position = [round(a[0] + (b[0] - a[0]) * (t + 0.3)), round(a[1] + (b[1] - a[1]) * (t + 0.3))];
  if (kind === 'LineString') {
    return { type: 'LineString', coordinates: [p, q] };
  }
  const w = rng.int(3, 8);
  return {
    type: 'Polygon',
    coordinates: [
      [p, [round(p[0] + w), p[1]], [round(p[0] + w), round(p[1] + w)], [p[0], round(p[1] + w)], p],
    ],
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function makeWork(
  rng: Prng,
  promoter: OrganisationRecord,
  ha: OrganisationRecord,
  street: StreetRecord,
  n: number,
  now: number,
): WorkRecord {
  const reference = `${promoter.prefix}${String(n).padStart(6, '0')}${String(rng.int(0, 9999)).padStart(4, '0')}`;
  const immediate = rng.chance(0.08);
  const startMs = now + (immediate ? -rng.int(0, 10) : rng.int(-60, 60)) * DAY + rng.int(7, 9) * HOUR;
  const days = immediate
    ? rng.int(1, 3)
    : rng.weighted([rng.int(1, 3), rng.int(4, 10), rng.int(11, 30)], [0.5, 0.35, 0.15]);
  const endMs = startMs + days * DAY + 9 * HOUR;
  const createdMs = Math.min(
    startMs - (immediate ? 2 * HOUR : rng.int(5, 40) * DAY),
    now - rng.int(1, 48) * HOUR,
  );
  const cancelled = !immediate && rng.chance(0.05);
  let status: string;
  let permitStatus: string;
  let actualStart: number | null = null;
  let actualEnd: number | null = null;
  if (cancelled) {
    status = 'cancelled';
    permitStatus = 'cancelled';
  } else if (startMs > now) {
    status = 'planned';
    permitStatus = rng.chance(0.6) ? 'granted' : 'submitted';
  } else if (endMs > now) {
    status = 'in_progress';
    permitStatus = 'granted';
    actualStart = startMs + rng.int(0, 3) * HOUR;
  } else {
    status = 'completed';
    permitStatus = 'closed';
    actualStart = startMs + rng.int(0, 3) * HOUR;
    actualEnd = endMs - rng.int(0, days) * DAY;
  }
  const category = immediate
    ? rng.pick(['immediate_urgent', 'immediate_emergency'])
    : days <= 3
      ? 'minor'
      : days <= 10
        ? 'standard'
        : 'major';
  const location = rng
    .pick(LOCATIONS)
    .replace('{n}', String(rng.int(1, 180)))
    .replace('{s}', rng.pick(STREET_NAMES));
  const description = rng.pick(DESCRIPTIONS[promoter.prefix] ?? ['Utility works']);
  const grantedMs = Math.min(createdMs + rng.int(1, 5) * DAY, now - HOUR);
  const permit: PermitRecord = {
    reference: `${reference}-01`,
    status: permitStatus,
    assessmentStatus: permitStatus === 'submitted' ? null : permitStatus === 'cancelled' ? null : 'granted',
    category,
    workType: immediate ? 'immediate' : 'planned',
    activityType: rng.pick(ACTIVITY_TYPES),
    trafficManagementType: rng.pick(TRAFFIC),
    applicationType: 'permit',
    locationTypes: [rng.pick(LOCATION_TYPES)],
    closeFootway: rng.pick(['no', 'no', 'yes_provide_pedestrian_walkway']),
    excavation: rng.chance(0.7),
    trafficManagementPlan: rng.chance(0.3),
    laneRental: rng.chance(0.1),
    // V6 dropped environmental_health_notifiable; its draw now decides close_footpath, so later draws stay put
    closeFootpath: rng.chance(0.05) ? 'yes_discussed_with_ha' : 'no',
    collaborativeWorking: rng.chance(0.1),
    description,
    locationDescription: location,
    secondaryContact: rng.pick(INSPECTORS),
    secondaryContactNumber: `0113 ${rng.int(100, 999)} ${rng.int(1000, 9999)}`,
    proposedStart: iso(startMs),
    proposedEnd: iso(endMs),
    actualStart: actualStart === null ? null : iso(actualStart),
    actualStop: actualEnd === null ? null : iso(actualEnd),
    dateCreated: iso(createdMs),
    dateModified: iso(permitStatus === 'submitted' ? createdMs : grantedMs),
    deadline: iso(createdMs + (category === 'major' ? 30 : 5) * DAY),
    statusChanged: iso(permitStatus === 'submitted' ? createdMs : grantedMs),
    isEarlyStart: false,
    isDeemed: false,
    assessmentComments: null,
    reasonsForRefusal: [],
    alterations: [],
  };
  const work: WorkRecord = {
    reference,
    workstreamPrefix: promoter.prefix,
    promoterSwa: promoter.swaCode,
    haSwa: ha.swaCode,
    usrn: street.usrn,
    geometry: geometryOn(rng, street),
    status,
    locationDescription: location,
    description,
    dateCreated: iso(createdMs),
    actualStart: permit.actualStart,
    actualEnd: permit.actualStop,
    permits: [permit],
    inspections: [],
    fpns: [],
    comments: [],
    forwardPlans: [],
    section81s: [],
    history: [],
  };
  const user = promoter.email;
  event(work, createdMs, 'permit_submitted', 'permit', permit.reference, user);
  if (permitStatus !== 'submitted' && permitStatus !== 'cancelled') {
    event(work, grantedMs, 'permit_granted', 'permit', permit.reference, ha.email);
  }
  if (cancelled) {
    event(work, grantedMs, 'permit_cancelled', 'permit', permit.reference, user);
  }
  if (actualStart !== null) {
    event(work, actualStart, 'work_start_logged', 'work', reference, user);
  }
  if (actualEnd !== null) {
    event(work, actualEnd, 'work_stop_logged', 'work', reference, user);
  }
  if (status === 'planned' && permitStatus === 'granted' && rng.chance(0.12)) {
    const altMs = Math.min(grantedMs + DAY, now - HOUR);
    permit.alterations.push({
      reference: `${permit.reference}-ALT-01`,
      status: rng.pick(['submitted', 'granted']),
      type: 'PROMOTER_CHANGE_REQUEST',
      reason: 'Extend duration for additional reinstatement',
      dateCreated: iso(altMs),
      deadline: iso(altMs + 5 * DAY),
      statusChanged: iso(altMs),
      proposedStart: permit.proposedStart,
      proposedEnd: iso(endMs + 2 * DAY),
      closeFootpath: permit.closeFootpath,
    });
    event(work, altMs, 'alteration_submitted', 'change_request', `${permit.reference}-ALT-01`, user);
  }
  if (status === 'planned' && rng.chance(0.1)) {
    work.forwardPlans.push({
      reference: `${reference}-FP-01`,
      status: 'progressed',
      start: permit.proposedStart,
      end: permit.proposedEnd,
      description,
      locationDescription: location,
      dateCreated: iso(createdMs - 30 * DAY),
      cancelledReason: null,
    });
  }
  if (actualStart !== null && rng.chance(0.3)) {
    const count = rng.int(1, 2);
    for (let i = 1; i <= count; i++) {
      const inspMs = Math.min(actualStart + i * DAY, now - HOUR);
      const outcome = rng.weighted(
        ['passed', 'failed_low', 'failed_high', 'works_in_progress'],
        [0.6, 0.2, 0.1, 0.1],
      );
      const inspection: InspectionRecord = {
        reference: `${reference}-INSP-${String(i).padStart(2, '0')}`,
        type: 'live_site',
        category: rng.pick(['a', 'b', 'c']),
        outcome,
        status: 'recorded',
        startDate: iso(inspMs),
        dateCreated: iso(inspMs),
        dateModified: iso(inspMs),
        username: ha.email,
        inspectorName: rng.pick(INSPECTORS),
        details: outcome.startsWith('failed') ? 'Signing and guarding not to code of practice' : null,
        reinspectionDate: null,
        isReinspection: i > 1,
      };
      work.inspections.push(inspection);
      event(
        work,
        inspMs,
        outcome === 'passed' ? 'inspection_passed' : 'inspection_failed',
        'inspection',
        inspection.reference,
        ha.email,
      );
    }
  }
  if (actualStart !== null && rng.chance(0.05)) {
    const fpnMs = Math.min(actualStart + DAY, now - HOUR);
    work.fpns.push({
      reference: `${reference}-FPN-01`,
      offenceCode: rng.pick(['offence_code_05', 'offence_code_06', 'offence_code_08', 'offence_code_09']),
      status: rng.pick(['issued', 'accepted', 'paid']),
      issueDate: iso(fpnMs),
      statusChanged: iso(fpnMs),
      offenceDate: iso(fpnMs - 2 * HOUR),
      offenceDetails: 'Works started without a valid permit condition being met',
      officer: rng.pick(INSPECTORS),
      officerContact: `streetworks@${ha.prefix.toLowerCase()}.example.gov.uk`,
      paymentMethods: ['bank_transfer', 'card_payment'],
      permitReference: permit.reference,
    });
    event(work, fpnMs, 'fpn_submitted', 'fpn', `${reference}-FPN-01`, ha.email);
  }
  if (rng.chance(0.15)) {
    const commentMs = Math.min(createdMs + HOUR * rng.int(1, 48), now - HOUR);
    const comment: CommentRecord = {
      reference: `${reference}-COM-01`,
      topic: 'GENERAL',
      detail: 'Please confirm the traffic management arrangements for the school run.',
      authorEmail: ha.email,
      authorSwa: ha.swaCode,
      dateCreated: iso(commentMs),
      isInternal: false,
      readOn: null,
      readBy: null,
    };
    work.comments.push(comment);
    event(work, commentMs, 'comment_submitted', 'comment', comment.reference, ha.email);
  }
  if (actualStart !== null && rng.chance(0.03)) {
    const s81Ms = Math.min(actualStart + 2 * DAY, now - HOUR);
    work.section81s.push({
      reference: `${reference}-S81-01`,
      type: rng.pick(['cabinet', 'tee_valve_access_covers', 'marker_post']),
      severity: rng.pick(['high', 'low']),
      status: 'issued',
      locationDescription: location,
      locationTypes: ['footway'],
      inspectionDate: iso(s81Ms),
      madeSafeByHa: false,
      details: 'Apparatus cover damaged and rocking',
      dateCreated: iso(s81Ms),
      statusChanged: iso(s81Ms),
    });
    event(work, s81Ms, 'section_81_submitted', 'section_81', `${reference}-S81-01`, ha.email);
  }
  return work;
}

/** References that tests and documentation name: their seeded state stays exactly as it was before V6. */
const PINNED = new Set(['NGN0002163600', 'NGN0002130403', 'NGN0000188644', 'NGN0000847560']);

/**
 * Gives a share of the seeded data the values V6 added (permit `under_assessment` and `refused`, the new traffic
 * management type, investigatory inspections with their categories and the `failed` outcome, section 81
 * `reassigned` and unattributed-works types, the new comment topic) and some works that overrun, so worklists and
 * open enums have something to show. Chosen by position, not drawn: another random draw would shift every later
 * value and so every seeded reference.
 */
function exerciseV6Values(work: WorkRecord, i: number, ordinal: number, now: number): void {
  if (PINNED.has(work.reference)) {
    return;
  }
  const permit = work.permits[0];
  if (work.status === 'planned' && permit.status === 'submitted') {
    if (ordinal % 4 === 1) {
      permit.status = 'under_assessment';
    } else if (ordinal % 4 === 3) {
      permit.status = permit.assessmentStatus = 'refused';
      permit.reasonsForRefusal = ['RC20', 'RC40'];
      permit.assessmentComments = 'Clashes with the city centre event programme';
    }
  }
  if (work.status === 'planned' && permit.status === 'submitted' && ordinal % 4 === 2) {
    // not yet assessed and deemed granted at 17:00 today unless the authority acts: its "permits about to deem"
    permit.deadline = iso(Math.floor(now / DAY) * DAY + 17 * HOUR);
  }
  if (permit.trafficManagementType === 'give_and_take' && i % 3 === 0) {
    permit.trafficManagementType = 'temp_obstruction_15_minute_delay';
  }
  if (work.status === 'in_progress' && ordinal % 3 === 1) {
    // started, not stopped, its reasonable period ended 1-6 days ago: a potential overrun
    permit.proposedEnd = iso(Math.floor(now / DAY) * DAY - ((i % 6) + 1) * DAY + 17 * HOUR);
  }
  work.inspections.forEach((inspection, j) => {
    if ((i + j) % 6 === 0) {
      inspection.type = 'investigatory_works';
      inspection.category = INVESTIGATORY_CATEGORIES[(i + j) % INVESTIGATORY_CATEGORIES.length];
      inspection.outcome = (i + j) % 12 === 0 ? 'failed' : 'passed';
    }
  });
  work.section81s.forEach((s81) => {
    if (i % 3 === 0) {
      s81.status = 'reassigned';
    }
    if (i % 4 === 1) {
      s81.type = 'unattributed_works_live_site';
    }
  });
  work.comments.forEach((comment) => {
    if (i % 5 === 0) {
      comment.topic = 'UNATTRIBUTED_WORKS';
    }
  });
}

const INVESTIGATORY_CATEGORIES = [
  'core_sample',
  'trial_hole',
  'skid_resistance',
  'surface_regularity',
  'texture_depth',
];

function event(
  work: WorkRecord,
  at: number,
  name: string,
  objectType: string,
  objectReference: string | null,
  username: string,
): void {
  const record: HistoryRecord = {
    updateId: 0,
    at: iso(at),
    event: name,
    objectType,
    objectReference,
    topic: objectType,
    details: name.replace(/_/g, ' '),
    username,
    internalUserIdentifier: null,
    internalUserName: null,
  };
  work.history.push(record);
}

function makeActivity(
  rng: Prng,
  ha: OrganisationRecord,
  street: StreetRecord,
  n: number,
  now: number,
): ActivityRecord {
  const start = now + rng.int(-20, 30) * DAY;
  const owner = organisationBySwa(ha.swaCode)!;
  return {
    reference: `ACT${owner.prefix}${String(n).padStart(6, '0')}`,
    haSwa: ha.swaCode,
    usrn: street.usrn,
    geometry: geometryOn(rng, street),
    name: rng.pick([
      'Skip outside property',
      'Scaffolding for roof repair',
      'Hoarding for building site',
      'Street party',
      'Mobile crane lift',
    ]),
    activityType: rng.pick(['skips', 'scaffolding', 'hoarding', 'event', 'crane_mobile_platform']),
    start: iso(start),
    end: iso(start + rng.int(1, 14) * DAY),
    locationTypes: [rng.pick(LOCATION_TYPES)],
    locationDescription: `${street.name}, ${rng
      .pick(LOCATIONS)
      .replace('{n}', String(rng.int(1, 120)))
      .replace('{s}', rng.pick(STREET_NAMES))}`,
    trafficManagementType: rng.pick(TRAFFIC),
    collaborativeWorking: false,
    contactName: rng.pick(INSPECTORS),
    cancelled: rng.chance(0.05),
    cancelledReason: null,
    // derived, not drawn: a new draw would shift every later value of the seeded data set
    dateCreated: iso(Math.min(start - 14 * DAY, now - DAY)),
  };
}
