/** An upstream's base URL, split once at boot into the origin a pool connects to and the prefix of every path. */
export interface UpstreamBase {
  origin: string;
  /** `/v3/work`, or `` for an API at the root; never ends with `/` */
  basePath: string;
}

export function upstreamBase(url: string): UpstreamBase {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error('an upstream URL must be http(s)');
  }
  return { origin: parsed.origin, basePath: parsed.pathname.replace(/\/+$/, '') };
}
