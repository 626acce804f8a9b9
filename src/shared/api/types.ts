import type { FieldError } from '@domain/errors';

import type { ApiRequest, ApiResponse } from '@domain/api';

// The app speaks the platform's own request shape, so the offline transport can hand it straight on.
export type { ApiRequest, ApiResponse };

export type Transport = (req: ApiRequest) => Promise<ApiResponse>;

export type ApiErrorKind = 'refusal' | 'auth' | 'network' | 'server';

/** Everything that can go wrong with a request, already worded for the person using the app. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }
}

/** The words for a failure the platform did not explain. */
export const SERVER_BUSY = '系统繁忙，您填写的内容已保留，请稍后重试';

/** Anything a request threw, as an ApiError: one that is not already one is treated as a server failure. */
export const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError('server', 0, 'UNKNOWN', SERVER_BUSY);
