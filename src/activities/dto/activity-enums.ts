export const ACTIVITY_KINDS = [
  'skips',
  'scaffolding',
  'hoarding',
  'crane_mobile_platform',
  'event',
  'section50',
  'section58',
  'compound',
  'other',
] as const;
