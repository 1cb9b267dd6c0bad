/**
 * What a caller may do. Subscriptions (SUBSCRIPTIONS_FILE) and Azure AD app roles carry these strings.
 * Reads are one permission; writes split by the party Street Manager lets make them.
 */
export const Permission = {
  /** read every resource the caller's organisation may see */
  READ: 'streetworks.read',
  /** promoter writes: works, permits, alterations, permit status (cancel/close), activities, forward plans, comments */
  PROMOTER_WRITE: 'streetworks.promoter.write',
  /** highway authority writes: permit assessment, inspections, fixed penalty notices, section 81s, comments */
  AUTHORITY_WRITE: 'streetworks.authority.write',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
export const ALL_PERMISSIONS: Permission[] = Object.values(Permission);
