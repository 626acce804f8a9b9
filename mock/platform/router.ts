// One route table for every transport: fastify hands requests to it over HTTP, and the offline demo
// calls it in-process, so both answer exactly alike.
import { refusals, type Result } from '@domain/errors';
import type { Platform } from './platform';
import { isProfileId, PROFILE_CHOICES, profileSummaries, type ProfileId } from '@domain/profiles';
import { bearerToken, findOperation, OPERATIONS, type ApiRequest, type ApiResponse, type Operation } from '@domain/api';

export {
  PROFILE_HEADER,
  SESSION_HEADER,
  operationOf,
  bearerToken,
  type ApiRequest,
  type ApiResponse,
} from '@domain/api';

type Handler = (p: Platform, token: string | undefined, body: unknown, params: string[]) => Result<unknown>;

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
  reset: (p) => p.reset(),
};

/** Method and path pattern of every route, for the API description's completeness test. */
export const routeList = () => OPERATIONS.map(([method, re]) => [method, re.source] as const);

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
      const params = (route[1].exec(req.path) ?? []).slice(1).map(decodeURIComponent);
      result = HANDLERS[route[2]](platform, bearerToken(req.authorization), req.body, params);
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
