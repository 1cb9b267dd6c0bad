import { toFeatureCollection } from './feature-collection';

describe('toFeatureCollection', () => {
  it('moves the geometry into each Feature and keeps every other field as properties', () => {
    const fc = toFeatureCollection(
      {
        metadata: { resultset: { count: 2, countIsLowerBound: false, offset: 0, limit: 20, page: 1 } },
        results: [
          {
            ref: 'A',
            status: 'planned',
            geometry: { type: 'Point' as const, coordinates: [-1, 52] as [number, number] },
            links: [],
          },
          { ref: 'B', status: 'completed', geometry: null, links: [] },
        ],
        links: [{ rel: 'self', href: '/v1/works', type: 'GET' }],
      },
      'geometry',
      'ref',
    );
    expect(fc).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'A',
          geometry: { type: 'Point', coordinates: [-1, 52] },
          properties: { ref: 'A', status: 'planned', links: [] },
        },
        {
          type: 'Feature',
          id: 'B',
          geometry: null,
          properties: { ref: 'B', status: 'completed', links: [] },
        },
      ],
      metadata: { resultset: { count: 2, countIsLowerBound: false, offset: 0, limit: 20, page: 1 } },
      links: [{ rel: 'self', href: '/v1/works', type: 'GET' }],
    });
  });
});
