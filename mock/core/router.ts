// One route table for every transport: fastify hands requests to it over HTTP, and the offline demo
// calls it in-process, so both answer exactly alike.
import { refusals, type Result } from './errors';
import type { Platform } from './platform';
import { isProfileId, PROFILE_CHOICES, profileSummaries, type ProfileId } from './profiles';

/** The header by which a client names the province rule profile it was started with. */
export const PROFILE_HEADER = 'x-rule-profile';

/** The header by which the app names the research session it was opened for (HTTP platform only). */
export const SESSION_HEADER = 'x-research-session';

export interface ApiRequest {
  method: string;
  /** Path without query, e.g. /api/bindings/abc/unbind */
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

type Handler = (p: Platform, token: string | undefined, body: unknown, params: string[]) => Result<unknown>;

const ROUTES: [string, RegExp, Handler, string][] = [
  ['GET', /^\/api\/health$/, () => ({ ok: true, status: 200, data: { ok: true } }), 'health'],
  ['GET', /^\/api\/profile$/, (p) => p.profile(), 'profile'],
  ['GET', /^\/api\/profiles$/, () => ({ ok: true, status: 200, data: profileSummaries() }), 'profiles'],
  ['GET', /^\/api\/personas$/, (p) => p.personas(), 'personas'],
  ['POST', /^\/api\/session$/, (p, _t, body) => p.login(body), 'login'],
  ['DELETE', /^\/api\/session$/, (p, t) => p.logout(t), 'logout'],
  ['GET', /^\/api\/me$/, (p, t) => p.me(t), 'me'],
  ['GET', /^\/api\/bindings$/, (p, t) => p.listBindings(t), 'listBindings'],
  ['POST', /^\/api\/bindings$/, (p, t, body) => p.createBinding(t, body), 'createBinding'],
  ['GET', /^\/api\/bindings\/([^/]+)$/, (p, t, _b, [id]) => p.getBinding(t, id), 'getBinding'],
  ['POST', /^\/api\/bindings\/([^/]+)\/unbind$/, (p, t, _b, [id]) => p.unbind(t, id), 'unbind'],
  ['GET', /^\/api\/payments$/, (p, t) => p.listPayments(t), 'listPayments'],
  ['POST', /^\/api\/payments$/, (p, t, body) => p.pay(t, body), 'pay'],
  ['POST', /^\/api\/admin\/reset$/, (p) => p.reset(), 'reset'],
];

/** Method and path pattern of every route, for the API description's completeness test. */
export const routeList = () => ROUTES.map(([method, re]) => [method, re.source] as const);

const findRoute = (method: string, path: string) => ROUTES.find(([m, re]) => m === method.toUpperCase() && re.test(path));

/** The operation's name, e.g. createBinding, for logs; undefined for an unknown route. */
export const operationOf = (method: string, path: string): string | undefined => findRoute(method, path)?.[3];

export function bearerToken(authorization: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return m ? m[1] : undefined;
}

/** Picks the platform of the request's rule profile, or refuses an unknown one. */
export function handleWithProfiles(platformFor: (id: ProfileId) => Platform, fallback: ProfileId, req: ApiRequest): ApiResponse {
  const id = req.profile || fallback;
  if (!isProfileId(id)) return toResponse(refusals.unknownProfile(id, PROFILE_CHOICES));
  return handle(platformFor(id), req);
}

export function handle(platform: Platform, req: ApiRequest): ApiResponse {
  const route = findRoute(req.method, req.path);
  let result: Result<unknown>;
  if (!route) {
    result = refusals.routeNotFound();
  } else {
    try {
      const params = route[1].exec(req.path)!.slice(1).map(decodeURIComponent);
      result = route[2](platform, bearerToken(req.authorization), req.body, params);
    } catch (e) {
      if (e instanceof URIError) return toResponse(refusals.malformed());
      // A bug must not look like a refusal the user caused, nor leak internals.
      console.error('[mock platform] unexpected error', e);
      return { status: 500, body: { code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后再试' } };
    }
  }
  return toResponse(result);
}

function toResponse(result: Result<unknown>): ApiResponse {
  return result.ok ? { status: result.status, body: result.data } : { status: result.refusal.status, body: result.refusal };
}
