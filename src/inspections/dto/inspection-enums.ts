/** The v1 vocabularies of inspections (Street Manager's, which are open: newer values are shown as `unknown`). */
export const INSPECTION_TYPES = [
  'live_site',
  'reinstatement',
  'non_compliance_follow_up',
  'section_81',
  'investigatory_works',
] as const;
/** The categories an inspection can be recorded with (V6 added the investigatory ones, core_sample ... trial_hole). */
export const WRITABLE_INSPECTION_CATEGORIES = [
  'a',
  'b',
  'c',
  'third_party',
  'routine',
  'joint_site_visit',
  'follow_up',
  'follow_up_completion',
  'site_occupancy',
  'conditions',
  'core_sample',
  'skid_resistance',
  'texture_depth',
  'surface_regularity',
  'trial_hole',
] as const;
/** What Street Manager V6 shows: the writable ones and the two it sets on section 81 inspections itself. */
export const INSPECTION_CATEGORIES = [
  ...WRITABLE_INSPECTION_CATEGORIES,
  'section_81_initial',
  'section_81_follow_up',
] as const;
export const INSPECTION_OUTCOMES = [
  'passed',
  'unable_to_complete_inspection',
  'failed_low',
  'failed_high',
  'further_inspections_required',
  'agreed_site_compliance',
  'non_compliant_with_conditions',
  'works_stopped_apparatus_remaining',
  'works_in_progress_no_carriageway_incursion',
  'works_in_progress',
  'works_stopped',
  // V6: the outcome of an investigatory inspection that failed
  'failed',
] as const;
export const INSPECTION_STATUSES = ['recorded', 'withdrawn', 'scheduled'] as const;
export const INSPECTION_RESPONSE_TYPES = ['inspection', 'reinspection'] as const;
export const DEFECT_FIXED_ON_SITE = ['yes_by_inspector', 'yes_by_onsite_members', 'no'] as const;
export const INSPECTION_WITHDRAWAL_REASONS = [
  'incorrect_outcome_recorded',
  'wrong_works_or_organisation',
  'wrong_details',
  'outcome_changed',
  'other',
] as const;
