import { useEffect, useState } from 'react';
import { type CatalogEntry, getCatalogEntry, type ItemData, listCatalogEntries } from '../../api/catalog';

/** 执法事项 looked up by code for the pickers of the other kinds (benchmarks, AV rules, review rules, boards). */

export interface ItemOption {
  code: string;
  name: string;
  category: string;
  unitId: string;
}

const OPTION_PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;

/** Items matching the keyword (code or name), newest version's name; the server searches, so long lists scale. */
export function useItemOptions(search: string, category?: string): { options: ItemOption[]; loading: boolean } {
  const [options, setOptions] = useState<ItemOption[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      setLoading(true);
      listCatalogEntries('items', { q: search.trim() || undefined, category, page: 1, pageSize: OPTION_PAGE_SIZE }).then(
        (page) => {
          if (!current) return;
          setOptions(
            page.items.map((e) => ({
              code: e.code,
              name: e.latestVersion.data.name,
              category: e.latestVersion.data.category,
              unitId: e.latestVersion.data.unitId,
            })),
          );
          setLoading(false);
        },
        () => {
          if (current) setLoading(false);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [search, category]);
  return { options, loading };
}

/** The item with this exact code, with all its versions; null when there is none. */
export async function findItemByCode(code: string): Promise<CatalogEntry<ItemData> | null> {
  const page = await listCatalogEntries('items', { q: code, page: 1, pageSize: 100 });
  const hit = page.items.find((e) => e.code === code);
  return hit ? getCatalogEntry('items', hit.id) : null;
}

/** The version the server checks AV steps against: the current one, else the newest. */
export function referenceVersion(entry: CatalogEntry<ItemData>) {
  return entry.versions.find((v) => v.status === 'published') ?? entry.versions[0];
}

export interface ItemSteps {
  loading: boolean;
  /** undefined while loading or without a code; null when the item does not exist. */
  item: { name: string; unitId: string; steps: string[]; versionNo: number } | null | undefined;
}

/** The step names of an item's current version, for the AV rule's step picker. */
export function useItemSteps(code: string | undefined): ItemSteps {
  const [state, setState] = useState<ItemSteps>({ loading: false, item: undefined });
  useEffect(() => {
    if (!code) {
      setState({ loading: false, item: undefined });
      return;
    }
    let current = true;
    setState({ loading: true, item: undefined });
    findItemByCode(code).then(
      (entry) => {
        if (!current) return;
        const version = entry ? referenceVersion(entry) : undefined;
        setState({
          loading: false,
          item: version
            ? {
                name: version.data.name,
                unitId: version.data.unitId,
                steps: version.data.steps.map((s) => s.name),
                versionNo: version.versionNo,
              }
            : null,
        });
      },
      () => {
        if (current) setState({ loading: false, item: null });
      },
    );
    return () => {
      current = false;
    };
  }, [code]);
  return state;
}
