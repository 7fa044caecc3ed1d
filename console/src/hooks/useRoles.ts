import { useEffect, useState } from 'react';
import { listRoles } from '../api/endpoints';
import type { Role } from '../api/types';

// Roles are fixed by the server release, so one request per page load is enough for every table and form.
let cached: Promise<Role[]> | null = null;

function loadRoles(): Promise<Role[]> {
  if (!cached) {
    cached = listRoles().then(
      (res) => res.items,
      () => {
        cached = null; // try again next time rather than remembering a failure
        return [];
      },
    );
  }
  return cached;
}

export function useRoles(): readonly Role[] {
  const [roles, setRoles] = useState<readonly Role[]>([]);
  useEffect(() => {
    let current = true;
    void loadRoles().then((items) => {
      if (current) setRoles(items);
    });
    return () => {
      current = false;
    };
  }, []);
  return roles;
}
