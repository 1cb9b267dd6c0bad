'use strict';
// Spectral custom function: each operation documents the errors it can return, with the shared error body
// (see .spectral.yaml).

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const WRITES = new Set(['post', 'put', 'patch']);

function isAuthenticated(operation, document) {
  const requirements = operation.security !== undefined ? operation.security : document.security || [];
  return requirements.some((requirement) => Object.keys(requirement).length > 0);
}

function usesErrorSchema(response) {
  const json = response.content && response.content['application/json'];
  const ref = json && json.schema && json.schema.$ref;
  return typeof ref === 'string' && ref.endsWith('/ErrorResponse');
}

module.exports = function requiredErrorResponses(document, options) {
  const no400 = ((options && options.no400) || []).map((p) => new RegExp(p));
  const ownBody = ((options && options.ownBody) || []).map((p) => new RegExp(p));
  const results = [];
  for (const [path, item] of Object.entries(document.paths || {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) {
        continue;
      }
      const name = `${method.toUpperCase()} ${path}`;
      const responses = operation.responses || {};
      const required = [];
      if (isAuthenticated(operation, document)) {
        if (!no400.some((re) => re.test(path))) {
          required.push('400');
        }
        required.push('429');
      }
      if (WRITES.has(method)) {
        required.push('422');
      }
      for (const status of required) {
        if (!responses[status]) {
          results.push({
            message: `${name} does not document a ${status} response (use @ApiErrorResponses(${status}))`,
            path: ['paths', path, method, 'responses'],
          });
        }
      }
      if (ownBody.some((re) => re.test(path))) {
        continue;
      }
      for (const [status, response] of Object.entries(responses)) {
        if (/^[45]\d\d$/.test(status) && !usesErrorSchema(response)) {
          results.push({
            message: `${name} ${status} must have the ErrorResponse body (use @ApiErrorResponses(${status}))`,
            path: ['paths', path, method, 'responses', status],
          });
        }
      }
    }
  }
  return results;
};
