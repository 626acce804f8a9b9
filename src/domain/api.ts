// The wire contract between the app and the platform: operation names, paths and headers. The app
// needs them to name what it sends; the platform's router maps each operation to its handler.

/** The header by which a client names the province rule profile it was started with. */
export const PROFILE_HEADER = 'x-rule-profile';

/** The header by which the app names the research session it was opened for (HTTP platform only). */
export const SESSION_HEADER = 'x-research-session';

export interface ApiRequest {
  method: string;
  /** Path, e.g. /api/bindings/abc/unbind; a query may follow (`?month=2026-11`). */
  path: string;
  authorization?: string;
  /** Rule profile id from PROFILE_HEADER; absent means the platform's default. */
  profile?: string;
  /** Research session id from SESSION_HEADER. */
  session?: string;
  body?: unknown;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

export const OPERATIONS = [
  ['GET', /^\/api\/health$/, 'health'],
  ['GET', /^\/api\/profile$/, 'profile'],
  ['GET', /^\/api\/profiles$/, 'profiles'],
  ['GET', /^\/api\/personas$/, 'personas'],
  ['POST', /^\/api\/session$/, 'login'],
  ['DELETE', /^\/api\/session$/, 'logout'],
  ['GET', /^\/api\/me$/, 'me'],
  ['GET', /^\/api\/bindings$/, 'listBindings'],
  ['POST', /^\/api\/bindings$/, 'createBinding'],
  ['GET', /^\/api\/bindings\/([^/]+)$/, 'getBinding'],
  ['POST', /^\/api\/bindings\/([^/]+)\/unbind$/, 'unbind'],
  ['GET', /^\/api\/payments$/, 'listPayments'],
  ['POST', /^\/api\/payments$/, 'pay'],
  ['GET', /^\/api\/mutual-aid\/usage$/, 'mutualAidUsage'],
  ['GET', /^\/api\/mutual-aid\/authorizations$/, 'authorizedMe'],
  ['POST', /^\/api\/admin\/reset$/, 'reset'],
] as const;

export type Operation = (typeof OPERATIONS)[number][2];

/** A path may carry a query (`/api/mutual-aid/usage?month=2026-11`); the operation is named by the path alone. */
export const pathOnly = (path: string) => path.split('?')[0] ?? '';

/** The query of a path as plain strings (the first value of a repeated name). */
export function queryOf(path: string): Record<string, string> {
  const at = path.indexOf('?');
  const out: Record<string, string> = {};
  if (at < 0) return out;
  for (const part of path.slice(at + 1).split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
    const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
    if (!(name in out)) out[name] = value;
  }
  return out;
}

export const findOperation = (method: string, path: string) =>
  OPERATIONS.find(([m, re]) => m === method.toUpperCase() && re.test(pathOnly(path)));

/** The operation's name, e.g. createBinding, for logs; undefined for an unknown route. */
export const operationOf = (method: string, path: string): Operation | undefined => findOperation(method, path)?.[2];

export function bearerToken(authorization: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return m ? m[1] : undefined;
}
