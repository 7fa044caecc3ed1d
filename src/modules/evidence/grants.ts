import { createHmac } from 'node:crypto';
import { safeEqual } from '../../platform/auth/tokens.js';

/** How long a grant to read content lasts. */
export const GRANT_TTL_MS = 30 * 60 * 1000;

export interface GrantClaims {
  readonly evidenceId: string;
  readonly userId: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
  /** The `evidence.accessed` event this grant came from. */
  readonly eventId: string;
}

/**
 * Access grants are stateless: the claims in base64url JSON, a dot, and an HMAC-SHA256 of them with
 * a key derived from the app secret for this purpose only (so a CSRF token can never be a grant).
 */
export function signGrant(secret: string, claims: GrantClaims): string {
  const payload = Buffer.from(
    JSON.stringify({ e: claims.evidenceId, u: claims.userId, x: claims.expiresAt, v: claims.eventId }),
    'utf8',
  ).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The claims of a genuine, unexpired grant for this evidence and user; otherwise undefined. */
export function verifyGrant(
  secret: string,
  grant: string,
  expected: { evidenceId: string; userId: string; now: number },
): GrantClaims | undefined {
  const [payload, signature, extra] = grant.split('.');
  if (payload === undefined || signature === undefined || extra !== undefined) return undefined;
  if (!safeEqual(signature, mac(secret, payload))) return undefined;
  const claims = parseClaims(payload);
  if (!claims) return undefined;
  if (claims.evidenceId !== expected.evidenceId || claims.userId !== expected.userId || claims.expiresAt <= expected.now) return undefined;
  return claims;
}

function mac(secret: string, payload: string): string {
  const key = createHmac('sha256', secret).update('evidence-access-grant').digest();
  return createHmac('sha256', key).update(payload).digest('base64url');
}

function parseClaims(payload: string): GrantClaims | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const e = 'e' in value ? value.e : undefined;
    const u = 'u' in value ? value.u : undefined;
    const x = 'x' in value ? value.x : undefined;
    const v = 'v' in value ? value.v : undefined;
    if (typeof e !== 'string' || typeof u !== 'string' || typeof x !== 'number' || typeof v !== 'string') return undefined;
    return { evidenceId: e, userId: u, expiresAt: x, eventId: v };
  } catch {
    return undefined;
  }
}
