import { useCallback, useMemo } from 'react';
import { useUnits } from '../../session/UnitsContext';

/** How deep a unit sits in the tree (the root is 0), to indent unit names in lists that come in tree order. */
export function useUnitDepths(): (unitId: string) => number {
  const { units } = useUnits();
  const depths = useMemo(() => new Map(units.map((u) => [u.id, u.depth])), [units]);
  return useCallback((unitId: string) => depths.get(unitId) ?? 0, [depths]);
}
