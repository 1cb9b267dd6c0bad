import { WorkReferenceProperty } from '../validation/bounded';

/**
 * `?workReferenceNumber=` on the lists of things that belong to a work (inspections, FPNs, comments, ...). Street
 * Manager's reporting API has no exact work filter; its reference search (`query`) is used, which matches references
 * that contain the text, so a full work reference selects that work's items.
 */
export function WorkReferenceFilter(items: string): PropertyDecorator {
  return WorkReferenceProperty({
    description:
      `Only ${items} of this work, e.g. \`NGN0002163600\` (Street Manager's reference search: references ` +
      'containing this text).',
    optional: true,
  });
}
