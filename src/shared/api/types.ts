import type { FieldError } from '@platform/errors';

export interface ApiRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  authorization?: string;
  /** The province rule profile the app was started with. */
  profile?: string;
  body?: unknown;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

export type Transport = (req: ApiRequest) => Promise<ApiResponse>;

export type ApiErrorKind = 'refusal' | 'auth' | 'network' | 'server';

/** Everything that can go wrong with a request, already worded for the person using the app. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = []
  ) {
    super(message);
  }
}
