import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The style ruleset (openapi/.spectral.yaml) run through the Spectral CLI as CI runs it: the blueprint passes,
 * and a document breaking each rule once is caught by each rule.
 */
const ROOT = resolve(__dirname, '..', '..');
const SPECTRAL = resolve(ROOT, 'node_modules', '.bin', 'spectral');

interface SpectralResult {
  code: string;
  message: string;
  path: string[];
  severity: number;
}

async function lint(file: string): Promise<{ code: number; results: SpectralResult[] }> {
  const args = [
    'lint',
    file,
    '--ruleset',
    'openapi/.spectral.yaml',
    '--format',
    'json',
    '--quiet',
    '--fail-severity',
    'warn',
  ];
  try {
    const { stdout } = await promisify(execFile)(SPECTRAL, args, { cwd: ROOT });
    return { code: 0, results: JSON.parse(stdout || '[]') as SpectralResult[] };
  } catch (e) {
    const failed = e as { code: number; stdout: string };
    return { code: failed.code, results: JSON.parse(failed.stdout || '[]') as SpectralResult[] };
  }
}

describe('OpenAPI style lint (Spectral)', () => {
  it('passes on the committed blueprint openapi/v1.yaml', async () => {
    const { code, results } = await lint('openapi/v1.yaml');
    expect(results).toEqual([]);
    expect(code).toBe(0);
  });

  it('catches every rule in a document that breaks them', async () => {
    const { code, results } = await lint('test/foundation/fixtures/style-violations.yaml');
    expect(code).toBe(1);
    const found = results.map((r) => `${r.code}: ${r.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'path-nouns: /v1/getWorks: "getWorks" must be lowercase and hyphenated',
        'path-nouns: /v1/work/{id}: "work" must be a plural noun',
        'path-nouns: /v1/works/{id}/permits/{permitId}/comments: is 5 levels deep under the version; at most 4 (/v1/a/{id}/b/{id})',
        'error-responses-documented: GET /v1/inspections does not document a 400 response (use @ApiErrorResponses(400))',
        'error-responses-documented: GET /v1/inspections does not document a 429 response (use @ApiErrorResponses(429))',
        'error-responses-documented: POST /v1/inspections does not document a 422 response (use @ApiErrorResponses(422))',
        'error-responses-documented: POST /v1/inspections 400 must have the ErrorResponse body (use @ApiErrorResponses(400))',
      ]),
    );
    expect([...new Set(results.map((r) => r.code))].sort()).toEqual(
      expect.arrayContaining([
        'camel-case-properties',
        'error-responses-documented',
        'object-responses',
        'path-nouns',
      ]),
    );
    expect(results.find((r) => r.code === 'camel-case-properties')?.path.at(-1)).toBe('work_reference');
    expect(results.filter((r) => r.code === 'object-responses').map((r) => r.path.slice(0, 3))).toEqual([
      ['paths', '/v1/inspections', 'get'],
    ]);
  });

  it('catches a verb written in kebab case', async () => {
    const { results } = await lint('test/foundation/fixtures/style-verbs.yaml');
    // The fixture is a bare document; the OWASP ruleset's findings on it are not what this test is about.
    expect(results.filter((r) => !r.code.startsWith('owasp:')).map((r) => r.message)).toEqual([
      '/v1/works/{id}/cancel-requests: "cancel-requests" contains a verb; model the action as a resource or a state sub-resource',
    ]);
  });

  it('OWASP API4, as re-scoped: every unbounded input is an error, unbounded answers are not flagged', async () => {
    const { code, results } = await lint('test/foundation/fixtures/owasp-bounds.yaml');
    expect(code).toBe(1);
    const found = results
      .filter((r) => r.code.startsWith('owasp:api4'))
      .map((r) => `${r.code} ${r.path.join('.')} ${r.severity}`)
      .sort();
    expect(found).toEqual(
      [
        'owasp:api4:2023-array-limit paths./v1/works.put.parameters.1.schema 0',
        'owasp:api4:2023-integer-format paths./v1/works.put.parameters.2.schema 0',
        // minimum and maximum both missing: Spectral reports the rule once per place.
        'owasp:api4:2023-integer-limit-legacy paths./v1/works.put.parameters.2.schema 0',
        'owasp:api4:2023-string-limit components.schemas.Change.properties.reason 0',
        'owasp:api4:2023-string-limit paths./v1/works.put.parameters.0.schema 0',
        'owasp:api4:2023-string-restricted components.schemas.Change.properties.reason 0',
        'owasp:api4:2023-string-restricted paths./v1/works.put.parameters.0.schema 0',
      ].sort(),
    );
  });
});
