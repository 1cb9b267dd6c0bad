'use strict';
// Spectral custom function: checks every path of the document against our URL rules (see .spectral.yaml).

const VERBS = new Set([
  'get', 'list', 'create', 'add', 'update', 'edit', 'delete', 'remove', 'search', 'find', 'fetch', 'set', 'do',
  'make', 'submit', 'send', 'cancel', 'approve', 'reject', 'grant', 'refuse', 'start', 'stop', 'run', 'execute',
  'process', 'calculate', 'generate', 'validate', 'check', 'assess', 'close', 'open', 'revert', 'query', 'lookup',
]);
// Words may carry digits after the first letter (section-81s: NRSWA section 81 is a proper name).
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PARAM = /^\{[A-Za-z][A-Za-z0-9]*\}$/;

module.exports = function pathNaming(paths, options) {
  const exempt = (options.exempt || []).map((p) => new RegExp(p));
  const singletons = new Set(options.singletons || []);
  const maxSegments = options.maxSegments || 4;
  const results = [];

  for (const path of Object.keys(paths || {})) {
    if (exempt.some((re) => re.test(path))) {
      continue;
    }
    const report = (message) => results.push({ message: `${path}: ${message}`, path: ['paths', path] });
    const segments = path.split('/').filter(Boolean);
    if (!/^v\d+$/.test(segments[0] || '')) {
      report('must start with a version, /v<N>/');
      continue;
    }
    const rest = segments.slice(1);
    if (rest.length === 0) {
      report('names no resource');
    }
    if (rest.length > maxSegments) {
      report(`is ${rest.length} levels deep under the version; at most ${maxSegments} (/v1/a/{id}/b/{id})`);
    }
    rest.forEach((segment, i) => {
      const shouldBeParam = i % 2 === 1;
      if (PARAM.test(segment)) {
        if (!shouldBeParam) {
          report(`parameter ${segment} must follow a collection noun`);
        }
        return;
      }
      if (shouldBeParam) {
        report(`"${segment}" must be an {id} parameter: nouns and ids alternate`);
        return;
      }
      if (!KEBAB.test(segment)) {
        report(`"${segment}" must be lowercase and hyphenated`);
        return;
      }
      if (segment.split('-').some((word) => VERBS.has(word))) {
        report(`"${segment}" contains a verb; model the action as a resource or a state sub-resource`);
      }
      if (!segment.endsWith('s') && !singletons.has(segment)) {
        report(`"${segment}" must be a plural noun`);
      }
    });
  }
  return results;
};
