/**
 * What of an outbound path may appear in a log line: the path without its query string (queries carry names,
 * emails and coordinates). The origin is never logged: internal topology is nobody's business in shared logs.
 */
export function redactPath(path: string): string {
  const query = path.indexOf('?');
  return query >= 0 ? path.slice(0, query) : path;
}
