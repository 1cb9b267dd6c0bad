import { checkResponse } from '../../upstreams/street-manager/contract/street-manager-contract';
import { SandboxState } from '../sandbox-state';
import {
  activityResponse,
  alterationResponse,
  fpnResponse,
  forwardPlanResponse,
  inspectionResponse,
  permitResponse,
  section81Response,
  workResponse,
} from './work-api.responses';

describe('work API responses built from the seeded data', () => {
  const state = new SandboxState(3, 600, Date.parse('2026-06-01T00:00:00Z'));
  const errors: string[] = [];
  const expectValid = (template: string, body: unknown) => {
    const result = checkResponse('work', 'GET', template, 200, body);
    errors.push(...result.errors.map((e) => `${template}: ${e}`));
  };

  it('all conform to work-swagger.json', () => {
    for (const work of state.workList) {
      expectValid('/works/{workReferenceNumber}', workResponse(state, work));
      for (const p of work.permits) {
        expectValid(
          '/works/{workReferenceNumber}/permits/{permitReferenceNumber}',
          permitResponse(state, work, p),
        );
        for (const a of p.alterations) {
          expectValid(
            '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/alterations/{permitAlterationReferenceNumber}',
            alterationResponse(state, work, p, a),
          );
        }
      }
      work.inspections.forEach((i) =>
        expectValid(
          '/works/{workReferenceNumber}/inspections/{inspectionReferenceNumber}',
          inspectionResponse(work, i),
        ),
      );
      work.fpns.forEach((f) =>
        expectValid(
          '/works/{workReferenceNumber}/fixed-penalty-notices/{fpnReferenceNumber}',
          fpnResponse(state, work, f),
        ),
      );
      work.forwardPlans.forEach((f) =>
        expectValid(
          '/works/{workReferenceNumber}/forward-plans/{forwardPlanReferenceNumber}',
          forwardPlanResponse(state, work, f),
        ),
      );
      work.section81s.forEach((s) =>
        expectValid(
          '/works/{workReferenceNumber}/section-81s/{section81ReferenceNumber}',
          section81Response(state, work, s),
        ),
      );
    }
    state.activities.forEach((a) =>
      expectValid('/activity/{activityReferenceNumber}', activityResponse(state, a)),
    );
    expect(errors.slice(0, 10)).toEqual([]);
  });

  it('seeds at least 600 works with every kind of record, references in Street Manager formats', () => {
    expect(state.workList).toHaveLength(600);
    const all = state.workList;
    expect(new Set(all.map((w) => w.haSwa)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(all.map((w) => w.promoterSwa)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(all.map((w) => w.geometry.type))).toEqual(new Set(['Point', 'LineString', 'Polygon']));
    for (const w of all) {
      expect(w.reference).toMatch(/^[A-Za-z0-9_-]{1,24}$/);
      w.permits.forEach((p) => expect(p.reference).toBe(`${w.reference}-01`));
      w.inspections.forEach((i) => expect(i.reference).toMatch(new RegExp(`^${w.reference}-INSP-\\d{2}$`)));
      w.fpns.forEach((f) => expect(f.reference).toMatch(new RegExp(`^${w.reference}-FPN-\\d{2}$`)));
    }
    for (const kind of ['inspections', 'fpns', 'comments'] as const) {
      expect(all.filter((w) => w[kind].length > 0).length).toBeGreaterThan(5);
    }
    expect(all.filter((w) => w.forwardPlans.length > 0).length).toBeGreaterThan(0);
    expect(all.filter((w) => w.section81s.length > 0).length).toBeGreaterThan(0);
    expect(all.filter((w) => w.permits[0].alterations.length > 0).length).toBeGreaterThan(0);
  });

  it('puts every work inside its highway authority area, in British National Grid metres', () => {
    for (const w of state.workList) {
      const street = state.streets.get(w.usrn)!;
      expect(street.haSwa).toBe(w.haSwa);
      const [e, n] =
        w.geometry.type === 'Point'
          ? w.geometry.coordinates
          : w.geometry.type === 'LineString'
            ? w.geometry.coordinates[0]
            : w.geometry.coordinates[0][0];
      expect(e).toBeGreaterThan(100_000);
      expect(e).toBeLessThan(700_000);
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(700_000);
    }
  });
});
