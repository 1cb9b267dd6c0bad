/**
 * The v1 vocabularies of works and permits: Street Manager V6's values (V6 only added values). Street Manager adds
 * values in minor releases; one the gateway does not know yet is shown as `unknown`, never an error (V6-A7).
 */
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
  // V6: an authority marks a permit it has started to assess
  'under_assessment',
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
  // V6
  'temp_obstruction_15_minute_delay',
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
export const WORK_TYPES = ['planned', 'immediate', 'hs2_highway_works'] as const;
export const CLOSE_FOOTWAY = [
  'yes_provide_pedestrian_walkway',
  'yes_provide_alternative_route',
  'no',
] as const;

/**
 * V6 (required on every application): whether a public footpath is closed, and if so that the closure was
 * discussed with the highway authority. Only a caller can say so, so it is asked for when the works are on one.
 */
export const CLOSE_FOOTPATH = ['yes_discussed_with_ha', 'no'] as const;

/** For Swagger: a documented enum plus the `unknown` fallback of open enums. */
export const withUnknown = <T extends string>(values: readonly T[]): (T | 'unknown')[] => [
  ...values,
  'unknown',
];

/** Street Manager's permit refusal reason codes. */
export const REFUSAL_REASONS = [
  'RC10',
  'RC11',
  'RC12',
  'RC20',
  'RC21',
  'RC22',
  'RC23',
  'RC30',
  'RC31',
  'RC32',
  'RC33',
  'RC40',
  'RC41',
  'RC42',
  'RC43',
  'RC44',
  'RC50',
] as const;
