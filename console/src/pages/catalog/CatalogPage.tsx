import { Card, Tabs } from 'antd';
import { CATALOG_KINDS, type CatalogKind } from '../../api/catalog';
import { navigate, routes, useLocation } from '../../router';
import { useCan } from '../../session/SessionContext';
import { CatalogTab } from './CatalogTab';
import { KIND_META } from './catalogKinds';

const isKind = (value: string | null): value is CatalogKind => CATALOG_KINDS.some((k) => k === value);

/** The URL of a tab, so that a link can open it: /console/catalog?tab=benchmarks. */
export const catalogTabUrl = (kind: CatalogKind) => `${routes.catalog}?tab=${kind}`;

/** 执法公示清单: the five kinds of versioned catalogue entries, one tab each (the tab is in the URL). */
export function CatalogPage() {
  const { search } = useLocation();
  const can = useCan();
  const editable = can('catalog.edit');
  const tab = search.get('tab');
  const active: CatalogKind = isKind(tab) ? tab : 'items';

  return (
    <Card title="执法公示清单">
      <Tabs
        activeKey={active}
        onChange={(key) => {
          if (isKind(key)) navigate(catalogTabUrl(key));
        }}
        destroyOnHidden
        items={CATALOG_KINDS.map((kind) => ({
          key: kind,
          label: <span data-testid={`catalog-tab-${kind}`}>{KIND_META[kind].tab}</span>,
          children: <CatalogTab kind={kind} editable={editable} />,
        }))}
      />
    </Card>
  );
}
