/** The v1 vocabularies of works and permits. Street Manager values outside them are shown as `unknown`. */
export const WORK_STATUSES = [
  'planned',
  'in_progress',
  'completed',
  'cancelled',
  'unattributable',
  'historical',
  'non_notifiable',
  'section_81',
] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export const WORK_CATEGORIES = [
  'minor',
  'standard',
  'major',
  'immediate_urgent',
  'immediate_emergency',
  'paa',
  'hs2_highway',
] as const;
export type WorkCategory = (typeof WORK_CATEGORIES)[number];

export const PERMIT_STATUSES = [
  'submitted',
  'granted',
  'permit_modification_request',
  'refused',
  'closed',
  'cancelled',
  'revoked',
  'progressed',
] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

export const TRAFFIC_MANAGEMENT_TYPES = [
  'road_closure',
  'contra_flow',
  'lane_closure',
  'multi_way_signals',
  'two_way_signals',
  'convoy_workings',
  'stop_go_boards',
  'priority_working',
  'give_and_take',
  'some_carriageway_incursion',
  'no_carriageway_incursion',
] as const;
export type TrafficManagementType = (typeof TRAFFIC_MANAGEMENT_TYPES)[number];

export const ACTIVITY_TYPES = [
  'highway_improvement_works',
  'highway_repair_and_maintenance_works',
  'utility_asset_works',
  'utility_repair_and_maintenance_works',
  'diversionary_works',
  'disconnection_or_alteration_of_supply',
  'permanent_reinstatement',
  'remedial_works',
  'section_58',
  'section_50',
  'core_sampling',
  'statutory_infrastructure_works',
  'works_for_rail_purposes',
  'works_for_road_purposes',
  'new_service_connection',
  'optional_permit_no_fee',
] as const;
export const APPLICATION_TYPES = ['permit', 'notice'] as const;
export const LOCATION_TYPES = [
  'footway',
  'carriageway',
  'verge',
  'cycleway',
  'footpath',
  'parking_place',
  'bus_stop_or_stand',
  'cycle_hire_docking_station',
  'taxi_rank',
] as const;
export const WORK_TYPES = ['planned', 'immediate'] as const;
export const CLOSE_FOOTWAY = [
  'yes_provide_pedestrian_walkway',
  'yes_provide_alternative_route',
  'no',
] as const;

/** For Swagger: a documented enum plus the `unknown` fallback of open enums. */
export const withUnknown = <T extends string>(values: readonly T[]): (T | 'unknown')[] => [
  ...values,
  'unknown',
];
