/** The sandbox's own state. Field values use Street Manager's enum strings; responses are built from these. */

export type Position = [number, number];
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Polygon'; coordinates: Position[][] };

export interface StreetRecord {
  usrn: number;
  name: string;
  town: string;
  area: string;
  haSwa: string;
  roadCategory: number;
  trafficSensitive: boolean;
  line: Position[];
}

export interface AlterationRecord {
  reference: string;
  status: string;
  type: string;
  reason: string;
  dateCreated: string;
  deadline: string;
  statusChanged: string;
  proposedStart: string;
  proposedEnd: string;
  closeFootpath: string;
}

export interface PermitRecord {
  reference: string;
  status: string;
  assessmentStatus: string | null;
  category: string;
  workType: string;
  activityType: string;
  trafficManagementType: string;
  applicationType: string;
  locationTypes: string[];
  closeFootway: string;
  /** V6: `yes_discussed_with_ha` | `no` */
  closeFootpath: string;
  excavation: boolean;
  trafficManagementPlan: boolean;
  laneRental: boolean;
  collaborativeWorking: boolean;
  description: string;
  locationDescription: string;
  secondaryContact: string;
  secondaryContactNumber: string;
  proposedStart: string;
  proposedEnd: string;
  actualStart: string | null;
  actualStop: string | null;
  dateCreated: string;
  dateModified: string;
  deadline: string;
  statusChanged: string;
  isEarlyStart: boolean;
  isDeemed: boolean;
  assessmentComments: string | null;
  reasonsForRefusal: string[];
  alterations: AlterationRecord[];
}

export interface InspectionRecord {
  reference: string;
  type: string;
  category: string | null;
  outcome: string;
  status: string;
  startDate: string;
  dateCreated: string;
  dateModified: string;
  username: string;
  inspectorName: string | null;
  details: string | null;
  reinspectionDate: string | null;
  isReinspection: boolean;
}

export interface FpnRecord {
  reference: string;
  offenceCode: string;
  status: string;
  issueDate: string;
  statusChanged: string;
  offenceDate: string;
  offenceDetails: string;
  officer: string;
  officerContact: string;
  paymentMethods: string[];
  permitReference: string | null;
}

export interface CommentRecord {
  reference: string;
  topic: string;
  detail: string;
  authorEmail: string;
  authorSwa: string;
  dateCreated: string;
  isInternal: boolean;
  readOn: string | null;
  readBy: string | null;
}

export interface ForwardPlanRecord {
  reference: string;
  status: string;
  start: string;
  end: string;
  description: string;
  locationDescription: string;
  dateCreated: string;
  cancelledReason: string | null;
}

export interface Section81Record {
  reference: string;
  type: string;
  severity: string;
  status: string;
  locationDescription: string;
  locationTypes: string[];
  inspectionDate: string;
  madeSafeByHa: boolean;
  details: string;
  dateCreated: string;
  statusChanged: string;
}

export interface HistoryRecord {
  updateId: number;
  at: string;
  event: string;
  objectType: string;
  objectReference: string | null;
  topic: string;
  details: string;
  username: string;
  internalUserIdentifier: string | null;
  internalUserName: string | null;
}

export interface WorkRecord {
  reference: string;
  workstreamPrefix: string;
  promoterSwa: string;
  haSwa: string;
  usrn: number;
  /** street details given on create for a USRN the sandbox's street gazetteer does not hold */
  streetOverride?: { name: string; town: string; area: string; roadCategory: number };
  geometry: Geometry;
  status: string;
  locationDescription: string;
  description: string;
  dateCreated: string;
  actualStart: string | null;
  actualEnd: string | null;
  permits: PermitRecord[];
  inspections: InspectionRecord[];
  fpns: FpnRecord[];
  comments: CommentRecord[];
  forwardPlans: ForwardPlanRecord[];
  section81s: Section81Record[];
  history: HistoryRecord[];
}

export interface ActivityRecord {
  reference: string;
  haSwa: string;
  usrn: number;
  geometry: Geometry;
  name: string;
  activityType: string;
  start: string;
  end: string;
  locationTypes: string[];
  locationDescription: string;
  trafficManagementType: string;
  collaborativeWorking: boolean;
  contactName: string | null;
  cancelled: boolean;
  cancelledReason: string | null;
  dateCreated: string;
}

/** One entry of the Event API's work-update feed (`GET /event/works/updates`): a change to a work or its objects. */
export interface UpdateRecord {
  updateId: number;
  workReference: string;
  at: string;
  eventType: string;
  objectType: string;
  objectReference: string | null;
  /** the permit an alteration belongs to, and the like */
  parentObjectReference: string | null;
  /** the Street Manager user who made the change (for `exclude_events_from`) */
  username: string;
}

export interface WorksRegisterRecord {
  workReferenceNumber: string;
  jobNumber: string;
  costCentre: string;
  contactTeam: string;
  notes: string;
  updatedAt: string;
}
