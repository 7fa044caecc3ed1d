import { useCallback, useEffect, useMemo, useState } from 'react';
import { getUserById } from '../../api/calendar';
import { useCan, useMe } from '../../session/SessionContext';
import { systemActorLabel } from './calendarLabels';

// Resolved names live for the page load: a handful of administrators enter years, each looked up once.
const cache = new Map<string, Promise<string | null>>();

function lookUp(id: string): Promise<string | null> {
  let pending = cache.get(id);
  if (!pending) {
    pending = getUserById(id).then(
      (user) => `${user.displayName}(${user.username})`,
      () => null, // out of scope or gone: fall back to the id
    );
    cache.set(id, pending);
  }
  return pending;
}

/**
 * The calendar records who entered and approved a year as a user id (or `system:<name>`). People who may
 * read users (`user.list`, e.g. administrators) see names; others see the signed-in user's own name or a short id.
 */
export function useActorNames(refs: readonly (string | null)[]): (ref: string | null) => string {
  const me = useMe();
  const can = useCan();
  const mayReadUsers = can('user.list');
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = useMemo(() => [...new Set(refs.filter((r): r is string => r !== null && !r.startsWith('system:')))].sort().join(','), [refs]);

  useEffect(() => {
    if (!mayReadUsers || key === '') return;
    let current = true;
    const ids = key.split(',');
    void Promise.all(ids.map(async (id) => [id, await lookUp(id)] as const)).then((pairs) => {
      if (!current) return;
      const found = new Map<string, string>();
      for (const [id, name] of pairs) if (name) found.set(id, name);
      setNames(found);
    });
    return () => {
      current = false;
    };
  }, [key, mayReadUsers]);

  return useCallback(
    (ref: string | null) => {
      if (ref === null) return '—';
      const system = systemActorLabel(ref);
      if (system) return system;
      const name = names.get(ref);
      if (name) return name;
      if (ref === me.user.id) return `${me.user.displayName}(${me.user.username})`;
      return `用户 ${ref.slice(0, 8)}`;
    },
    [names, me.user.id, me.user.displayName, me.user.username],
  );
}
