/**
 * What of an outbound URL may appear in a log line: the path without its query string (queries carry names,
 * emails and coordinates) and without the host (internal topology is nobody's business in shared logs).
 */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  const withoutQuery = query >= 0 ? url.slice(0, query) : url;
  try {
    return new URL(withoutQuery).pathname;
  } catch {
    return '[unparseable url]';
  }
}
