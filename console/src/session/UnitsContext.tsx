import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { listUnits } from '../api/endpoints';
import type { Unit } from '../api/types';

/** The product name, shown when the agency (root unit) is not known (yet). */
export const PLATFORM_NAME = '三项制度执法平台';

export interface UnitsValue {
  units: Unit[];
  loading: boolean;
  /** The root unit's name, e.g. 石嘴山市人力资源和社会保障局. */
  agencyName: string;
  reload: () => Promise<void>;
}

const UnitsContext = createContext<UnitsValue | null>(null);

/**
 * Units are needed by the header (agency name), the user filters and forms, and the 机构管理 page;
 * loading them once here keeps those in step after a unit is added or renamed.
 */
export function UnitsProvider({ children }: { children: ReactNode }) {
  const [units, setUnits] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setUnits((await listUnits()).items);
    } catch {
      // Without units the console still works: names fall back to the platform name, pickers are empty.
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo(() => {
    const root = units.find((u) => u.parentId === null);
    return { units, loading, agencyName: root?.name ?? PLATFORM_NAME, reload };
  }, [units, loading, reload]);
  return <UnitsContext.Provider value={value}>{children}</UnitsContext.Provider>;
}

export function useUnits(): UnitsValue {
  const value = useContext(UnitsContext);
  if (!value) throw new Error('useUnits must be used inside <UnitsProvider>');
  return value;
}
