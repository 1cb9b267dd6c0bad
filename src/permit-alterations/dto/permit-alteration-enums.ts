export const ALTERATION_STATUSES = [
  'submitted',
  'granted',
  'granted_with_duration_challenge',
  'refused',
  'deemed',
  'cancelled',
  'revoked',
  'auto_applied',
] as const;
export const ALTERATION_TYPES = [
  'PROMOTER_IMPOSED_CHANGE',
  'PROMOTER_CHANGE_REQUEST',
  'HA_CHANGE_REQUEST',
  'HA_IMPOSED_CHANGE',
  'WORK_EXTENSION',
  'DURATION_CHALLENGE',
  'MODIFIED_PERMIT',
] as const;
/** The outcomes of a highway authority's assessment Street Manager accepts. */
export const ALTERATION_DECISIONS = ['granted', 'refused', 'granted_with_duration_challenge'] as const;
/** Only an alteration awaiting assessment can be assessed. */
export const ASSESSABLE_ALTERATION_STATUS = 'submitted';
