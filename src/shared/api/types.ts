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
