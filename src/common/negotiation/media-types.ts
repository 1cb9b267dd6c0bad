export const MediaType = {
  JSON: 'application/json',
  XML: 'application/xml',
  GEO_JSON: 'application/geo+json',
} as const;
export type MediaType = (typeof MediaType)[keyof typeof MediaType];

/** Every route can be rendered as JSON (the default, listed first) and XML; @Produces adds to this set. */
export const DEFAULT_PRODUCES: readonly MediaType[] = [MediaType.JSON, MediaType.XML];
