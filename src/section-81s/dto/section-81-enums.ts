export const SECTION_81_STATUSES = [
  'issued',
  'acknowledged',
  'accepted',
  'accepted_fixed',
  'rejected',
  'resolved_by_ha',
  'cancelled',
  'reassigned',
] as const;
export const SECTION_81_SEVERITIES = ['high', 'low'] as const;
export const SECTION_81_TYPES = [
  'tee_valve_access_covers',
  'cabinet',
  'marker_post',
  'pole_post',
  'overhead_cables_broken_low_encroaching_onto_highway',
  'other',
  // V6
  'unattributed_works_live_site',
  'unattributed_works_completed',
] as const;
export const SECTION_81_WORK_TYPES = ['permit_works', 'non_notifiable_works'] as const;

/**
 * The statuses a highway authority sets (Street Manager business rules 14.5): it resolves the defect itself or
 * cancels the notice. Acknowledging, accepting and rejecting are the promoter's replies.
 */
export const AUTHORITY_SECTION_81_STATUSES = ['resolved_by_ha', 'cancelled'] as const;
/** After these, nothing changes any more. */
export const CLOSED_SECTION_81_STATUSES: readonly string[] = AUTHORITY_SECTION_81_STATUSES;
