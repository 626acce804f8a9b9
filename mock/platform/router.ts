// One route table for every transport: fastify hands requests to it over HTTP, and the offline demo
// calls it in-process, so both answer exactly alike.
import { refusals, type Result } from '@domain/errors';
import type { Platform } from './platform';
import { isProfileId, PROFILE_CHOICES, profileSummaries, type ProfileId } from '@domain/profiles';
import {
  bearerToken,
  findOperation,
  OPERATIONS,
  pathOnly,
  queryOf,
  type ApiRequest,
  type ApiResponse,
  type Operation,
} from '@domain/api';

export {
  PROFILE_HEADER,
  SESSION_HEADER,
  operationOf,
  bearerToken,
  type ApiRequest,
  type ApiResponse,
} from '@domain/api';

type Handler = (
  p: Platform,
  token: string | undefined,
  body: unknown,
  params: string[],
  query: Record<string, string>,
) => Result<unknown>;

const HANDLERS: Record<Operation, Handler> = {
  health: () => ({ ok: true, status: 200, data: { ok: true } }),
  profile: (p) => p.profile(),
  profiles: () => ({ ok: true, status: 200, data: profileSummaries() }),
  personas: (p) => p.personas(),
  login: (p, _t, body) => p.login(body),
  logout: (p, t) => p.logout(t),
  me: (p, t) => p.me(t),
  listBindings: (p, t) => p.listBindings(t),
  createBinding: (p, t, body) => p.createBinding(t, body),
  getBinding: (p, t, _b, [id = '']) => p.getBinding(t, id),
  unbind: (p, t, _b, [id = '']) => p.unbind(t, id),
  listPayments: (p, t) => p.listPayments(t),
  pay: (p, t, body) => p.pay(t, body),
  mutualAidUsage: (p, t, _b, _p, query) => p.mutualAidUsage(t, query),
  authorizedMe: (p, t) => p.authorizedMe(t),
  reset: (p) => p.reset(),
};

/**
 * The 定点医药机构's side (settlement, 退费, the 收银台's test cards). Not in the app's table: over HTTP
 * these need the researcher key (server.ts), and a citizen's token opens none of them.
 */
export const INSTITUTION_OPERATIONS = [
  ['GET', /^\/api\/institution\/cards$/, 'cards'],
  ['POST', /^\/api\/institution\/settlements$/, 'settle'],
  ['GET', /^\/api\/institution\/settlements\/([^/]+)$/, 'getSettlement'],
  ['POST', /^\/api\/institution\/settlements\/([^/]+)\/refund$/, 'refund'],
] as const;
export type InstitutionOperation = (typeof INSTITUTION_OPERATIONS)[number][2];

const INSTITUTION_HANDLERS: Record<
  InstitutionOperation,
  (p: Platform, body: unknown, params: string[]) => Result<unknown>
> = {
  cards: (p) => p.cards(),
  settle: (p, body) => p.settle(body),
  getSettlement: (p, _b, [id = '']) => p.getSettlement(id),
  refund: (p, _b, [id = '']) => p.refund(id),
};

export const institutionOperationOf = (method: string, path: string): InstitutionOperation | undefined =>
  INSTITUTION_OPERATIONS.find(([m, re]) => m === method.toUpperCase() && re.test(pathOnly(path)))?.[2];

/** An institution request on a platform (the caller has checked the key). */
export function handleInstitution(platform: Platform, req: Pick<ApiRequest, 'method' | 'path' | 'body'>): ApiResponse {
  const path = pathOnly(req.path);
  const route = INSTITUTION_OPERATIONS.find(([m, re]) => m === req.method.toUpperCase() && re.test(path));
  if (!route) return toResponse(refusals.routeNotFound());
  try {
    const params = (route[1].exec(path) ?? []).slice(1).map(decodeURIComponent);
    return toResponse(INSTITUTION_HANDLERS[route[2]](platform, req.body, params));
  } catch (e) {
    if (e instanceof URIError) return toResponse(refusals.malformed());
    console.error('[mock platform] unexpected error', e);
    return { status: 500, body: { code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后再试' } };
  }
}

/** Method and path pattern of every route, for the API description's completeness test. */
export const routeList = () =>
  [...OPERATIONS, ...INSTITUTION_OPERATIONS].map(([method, re]) => [method, re.source] as const);

/** Picks the platform of the request's rule profile, or refuses an unknown one. */
export function handleWithProfiles(
  platformFor: (id: ProfileId) => Platform,
  fallback: ProfileId,
  req: ApiRequest,
): ApiResponse {
  const id = req.profile || fallback;
  if (!isProfileId(id)) return toResponse(refusals.unknownProfile(id, PROFILE_CHOICES));
  return handle(platformFor(id), req);
}

export function handle(platform: Platform, req: ApiRequest): ApiResponse {
  const route = findOperation(req.method, req.path);
  let result: Result<unknown>;
  if (!route) {
    result = refusals.routeNotFound();
  } else {
    try {
      const path = pathOnly(req.path);
      const params = (route[1].exec(path) ?? []).slice(1).map(decodeURIComponent);
      result = HANDLERS[route[2]](platform, bearerToken(req.authorization), req.body, params, queryOf(req.path));
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
  return result.ok
    ? { status: result.status, body: result.data }
    : { status: result.refusal.status, body: result.refusal };
}
