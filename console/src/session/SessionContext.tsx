import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, onUnauthorized, setCsrfToken } from '../api/client';
import { getMe, logout as logoutRequest } from '../api/endpoints';
import type { Me } from '../api/types';
import { navigate, routes } from '../router';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'error'; error: ApiError }
  | { status: 'authenticated'; me: Me };

export interface SessionValue {
  state: SessionState;
  /** Ask the server again who is signed in (after a password change, for instance). */
  reload: () => Promise<void>;
  /** Adopt the answer of a successful login. */
  signedIn: (me: Me) => void;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    setState({ status: 'authenticated', me });
  }, []);

  const reload = useCallback(async () => {
    try {
      signedIn(await getMe());
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError(0, 'client_error', '读取登录状态失败');
      setCsrfToken(null);
      setState(error.status === 401 ? { status: 'anonymous' } : { status: 'error', error });
    }
  }, [signedIn]);

  const logout = useCallback(async () => {
    try {
      await logoutRequest();
    } catch {
      // Even if the server call fails (session already gone, network), the person wants to be signed out here.
    }
    setCsrfToken(null);
    setState({ status: 'anonymous' });
    navigate(routes.login);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Any API call that finds the session expired drops the signed-in state (the client also redirects to login).
  useEffect(() => {
    onUnauthorized(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    });
    return () => onUnauthorized(null);
  }, []);

  const value = useMemo(() => ({ state, reload, signedIn, logout }), [state, reload, signedIn, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** For pages that only render when signed in (everything but the login page). */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe used while not signed in');
  return state.me;
}

export function useCan(): (permission: string) => boolean {
  const me = useMe();
  return useCallback((permission: string) => me.permissions.includes(permission), [me]);
}
