import { currentRelativeUrl, loginUrl, navigate, normalizePath, routes } from '../router';

/** Every error the server sends is `{code, message, details?}`; `message` is Chinese and meant for people. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

// The session cookie is HttpOnly; the CSRF token is the script-visible half that proves a request comes from this page.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** For requests not sent through `request` (resumable uploads with tus-js-client). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

let unauthorizedListener: (() => void) | null = null;

/** The session store subscribes here so that an expired session also clears the signed-in state. */
export function onUnauthorized(listener: (() => void) | null): void {
  unauthorizedListener = listener;
}

export type QueryValue = string | number | undefined | null;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Login and the initial session probe handle 401 themselves instead of redirecting. */
  noAuthRedirect?: boolean;
}

function buildUrl(path: string, query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall through to the generic message.
  }
  if (isRecord(body) && typeof body.code === 'string' && typeof body.message === 'string') {
    return new ApiError(res.status, body.code, body.message, body.details);
  }
  return new ApiError(res.status, 'http_error', `请求失败(HTTP ${res.status}),请稍后重试`);
}

function redirectToLogin(): void {
  unauthorizedListener?.();
  if (normalizePath(window.location.pathname) === routes.login) return;
  navigate(loginUrl(currentRelativeUrl()), { replace: true });
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器,请检查网络后重试');
  }

  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && !options.noAuthRedirect) redirectToLogin();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  // The server is the source of truth for these shapes (see api/types.ts); they are not re-validated here.
  return (await res.json()) as T;
}
