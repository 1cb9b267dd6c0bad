import { MediaType } from './media-types';

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
  order: number;
}

function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  accept.split(',').forEach((part, order) => {
    const [range = '', ...params] = part.split(';');
    const [type = '', subtype = ''] = range.trim().toLowerCase().split('/');
    if (!type || !subtype) {
      return;
    }
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim());
      if (name?.toLowerCase() === 'q') {
        const parsed = Number(value);
        q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
      }
    }
    ranges.push({ type, subtype, q, order });
  });
  return ranges;
}

function specificity(range: MediaRange, type: string, subtype: string): number {
  if (range.type === type && range.subtype === subtype) {
    return 3;
  }
  if (range.type === type && range.subtype === '*') {
    return 2;
  }
  return range.type === '*' && range.subtype === '*' ? 1 : 0;
}

/**
 * Picks the representation for a request: a `.json`/`.xml` suffix wins, then the Accept header (RFC 9110 §12.5.1:
 * the most specific matching range sets the quality; ties go to the more specific match, then to the caller's
 * order, then to our order). `undefined` means nothing acceptable can be produced: a 406.
 */
export function negotiate(
  accept: string | undefined,
  suffix: 'json' | 'xml' | undefined,
  produced: readonly string[],
): string | undefined {
  if (suffix) {
    const wanted = suffix === 'xml' ? MediaType.XML : MediaType.JSON;
    return produced.includes(wanted) ? wanted : undefined;
  }
  // The hot path: most callers send nothing, */* or application/json.
  if (accept === undefined || accept === '' || accept === '*/*') {
    return produced[0];
  }
  if (accept === MediaType.JSON) {
    return produced.includes(MediaType.JSON) ? MediaType.JSON : undefined;
  }
  // Clients send few distinct Accept headers (axios's "application/json, text/plain, */*", browsers'), and parsing
  // one costs microseconds: remember the answers per set of produced types, boundedly.
  let answers = cache.get(produced);
  if (!answers) {
    answers = new Map();
    cache.set(produced, answers);
  }
  const known = answers.get(accept);
  if (known !== undefined || answers.has(accept)) {
    return known;
  }
  if (answers.size >= MAX_CACHED_ACCEPTS) {
    answers.clear();
  }
  const chosen = choose(accept, produced);
  answers.set(accept, chosen);
  return chosen;
}

const MAX_CACHED_ACCEPTS = 64;
const cache = new WeakMap<readonly string[], Map<string, string | undefined>>();

function choose(accept: string, produced: readonly string[]): string | undefined {
  const ranges = parseAccept(accept);
  let best: { mediaType: string; q: number; specificity: number; order: number; ours: number } | undefined;
  produced.forEach((mediaType, ours) => {
    const [type = '', subtype = ''] = mediaType.split('/');
    let match: MediaRange | undefined;
    let matchSpecificity = 0;
    for (const range of ranges) {
      const s = specificity(range, type, subtype);
      if (s > matchSpecificity) {
        match = range;
        matchSpecificity = s;
      }
    }
    if (!match || match.q === 0) {
      return;
    }
    const candidate = { mediaType, q: match.q, specificity: matchSpecificity, order: match.order, ours };
    if (!best || isBetter(candidate, best)) {
      best = candidate;
    }
  });
  return best?.mediaType;
}

function isBetter(
  a: { q: number; specificity: number; order: number; ours: number },
  b: { q: number; specificity: number; order: number; ours: number },
): boolean {
  if (a.q !== b.q) {
    return a.q > b.q;
  }
  if (a.specificity !== b.specificity) {
    return a.specificity > b.specificity;
  }
  if (a.order !== b.order) {
    return a.order < b.order;
  }
  return a.ours < b.ours;
}
