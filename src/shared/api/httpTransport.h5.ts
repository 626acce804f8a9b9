// H5: the browser's own fetch. Taro.request would add its fetch, AbortController and JSONP
// polyfills (about 30 KB) to the first bundle, which every browser the app supports does without.
import { PROFILE_HEADER, SESSION_HEADER } from '@domain/api';
import type { Transport } from './types';

export function httpTransport(base: string, timeoutMs: number): Transport {
  return async (req) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await fetch(base + req.path, {
        method: req.method,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        headers: {
          'content-type': 'application/json',
          ...(req.authorization ? { authorization: req.authorization } : {}),
          ...(req.profile ? { [PROFILE_HEADER]: req.profile } : {}),
          ...(req.session ? { [SESSION_HEADER]: req.session } : {}),
        },
        signal: controller.signal,
      });
      const text = await res.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      return { status: res.status, body };
    } finally {
      clearTimeout(timer);
    }
  };
}
