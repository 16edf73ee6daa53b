import { ERROR_CATALOGUE, errorMessage, isErrorCode, type ErrorCode } from '../../../core/i18n/errors.ts';

/** The one error type. Services throw it; the HTTP layer maps it once (see app.ts error handler). */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, unknown>;
  readonly details: unknown;
  constructor(code: ErrorCode, params: Record<string, unknown> = {}, details?: unknown) {
    super(errorMessage(code, 'en', params));
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }
  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
}

/** Converts a core guard failure `{code, message, details}` to an AppError. */
export function fromGuard(failure: { code: string; message: string; details?: unknown }, params: Record<string, unknown> = {}): AppError {
  const code: ErrorCode = isErrorCode(failure.code) ? failure.code : 'VALIDATION_FAILED';
  return new AppError(code, params, failure.details ?? { reason: failure.message });
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; messageEn: string; details?: unknown };
}

export function errorBody(err: AppError): ErrorBody {
  return {
    error: {
      code: err.code,
      message: errorMessage(err.code, 'vi', err.params),
      messageEn: errorMessage(err.code, 'en', err.params),
      ...(err.details === undefined ? {} : { details: err.details }),
    },
  };
}
