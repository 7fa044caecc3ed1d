/**
 * Domain errors: a kind (mapped to an HTTP status in one place, platform/http/error-mapper.ts), a
 * stable snake_case code for machines and a Chinese message for people.
 */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'throttled';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly extra: { readonly retryAfterSeconds?: number; readonly details?: readonly string[] } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (code: string, message: string, details?: readonly string[]) =>
  new AppError('invalid', code, message, details ? { details } : {});
export const unauthenticated = (code: string, message: string) => new AppError('unauthenticated', code, message);
export const forbidden = (code: string, message: string) => new AppError('forbidden', code, message);
export const notFound = (code: string, message: string) => new AppError('not_found', code, message);
export const conflict = (code: string, message: string) => new AppError('conflict', code, message);
export const throttled = (code: string, message: string, retryAfterSeconds: number) =>
  new AppError('throttled', code, message, { retryAfterSeconds });
