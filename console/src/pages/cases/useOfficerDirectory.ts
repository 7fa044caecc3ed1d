import { useEffect, useMemo, useState } from 'react';
import { listOfficers, type Officer } from '../../api/officers';
import { certificateState } from '../officers/officerLabels';

/** The register's answer is unit-scoped; one page of the largest size covers a unit's officers. */
const PAGE_SIZE = 100;

let cached: Promise<Officer[]> | null = null;

/** Loaded once per page load (and again after a failure): the pickers and the record's names share it. */
function loadOfficers(): Promise<Officer[]> {
  if (!cached) {
    cached = listOfficers({ page: 1, pageSize: PAGE_SIZE }).then(
      (page) => page.items,
      (error: unknown) => {
        cached = null;
        throw error;
      },
    );
  }
  return cached;
}

export interface OfficerDirectory {
  officers: Officer[];
  loading: boolean;
  /** 姓名 of an officer id, or the start of the id when out of view. */
  officerName: (id: string) => string;
  /** 姓名 of a user account that is also an officer (steps record who did them as a user id). */
  userName: (userId: string) => string | undefined;
  options: { value: string; label: string; disabled?: boolean }[];
}

/** The officers the signed-in person may see, for pickers and for naming the people in a case's record. */
export function useOfficerDirectory(): OfficerDirectory {
  const [officers, setOfficers] = useState<Officer[]>([]);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let current = true;
    loadOfficers().then(
      (items) => {
        if (!current) return;
        setOfficers(items);
        setLoading(false);
      },
      () => {
        if (current) setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  return useMemo(() => {
    const byId = new Map(officers.map((o) => [o.id, o]));
    const byUser = new Map(officers.filter((o) => o.userId !== null).map((o) => [o.userId, o.name]));
    return {
      officers,
      loading,
      officerName: (id: string) => byId.get(id)?.name ?? `执法人员 ${id.slice(0, 8)}`,
      userName: (userId: string) => byUser.get(userId),
      options: officers.map((o) => ({
        value: o.id,
        label: `${o.name}(${o.certificateNo}${o.validToday.valid ? '' : `,证件${certificateState(o).label}`})`,
      })),
    };
  }, [officers, loading]);
}
