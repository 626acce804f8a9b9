import Taro from '@tarojs/taro';
import { PROFILE_HEADER, SESSION_HEADER } from '@domain/api';
import type { Transport } from './types';

export function httpTransport(base: string, timeoutMs: number): Transport {
  return async (req) => {
    const res = await Taro.request({
      url: base + req.path,
      method: req.method as 'GET' | 'POST' | 'DELETE',
      data: req.body === undefined ? undefined : JSON.stringify(req.body),
      header: {
        'content-type': 'application/json',
        ...(req.authorization ? { authorization: req.authorization } : {}),
        ...(req.profile ? { [PROFILE_HEADER]: req.profile } : {}),
        ...(req.session ? { [SESSION_HEADER]: req.session } : {}),
      },
      timeout: timeoutMs,
      dataType: 'json',
    });
    let body: unknown = res.data;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        body = undefined;
      }
    }
    return { status: res.statusCode, body };
  };
}
