import { startLine } from './start-line';

describe('startLine', () => {
  it('names the Swagger UI URL and, in sandbox mode, the demo keys and who they act for', () => {
    expect(
      startLine('http://127.0.0.1:3000', {
        demoKey: 'sandbox-demo-key',
        promoterKey: 'sandbox-promoter-key',
        authorityKey: 'sandbox-authority-key',
        promoterOrganisation: '7374',
        authorityOrganisation: '4720',
      }),
    ).toBe(
      'streetworks-gateway listening on http://127.0.0.1:3000 — Swagger UI: http://127.0.0.1:3000/v1/docs — ' +
        'sandbox demo keys (Authorize → Ocp-Apim-Subscription-Key): sandbox-demo-key (every permission), ' +
        'sandbox-promoter-key (promoter 7374), sandbox-authority-key (highway authority 4720)',
    );
  });

  it('names no keys against a real Street Manager', () => {
    expect(startLine('http://10.0.0.5:8080', undefined)).toBe(
      'streetworks-gateway listening on http://10.0.0.5:8080 — Swagger UI: http://10.0.0.5:8080/v1/docs',
    );
  });
});
