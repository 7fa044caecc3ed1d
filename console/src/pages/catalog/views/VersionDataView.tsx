import type { CatalogData, CatalogKind, CatalogVersion, KindDataMap } from '../../../api/catalog';
import { AvRuleDataView } from './AvRuleDataView';
import { BenchmarkDataView } from './BenchmarkDataView';
import { ItemDataView } from './ItemDataView';
import { ReviewRuleDataView } from './ReviewRuleDataView';
import { WindowBoardDataView } from './WindowBoardDataView';

/** The API answers each kind's route with that kind's data, so the tab's kind tells the data's shape. */
function isOf<K extends CatalogKind>(kind: CatalogKind, expected: K, _data: CatalogData): _data is KindDataMap[K] {
  return kind === expected;
}

/** One version's data, rendered readably by the kind's own view. */
export function VersionDataView({ kind, version }: { kind: CatalogKind; version: CatalogVersion }) {
  const { data, unitName } = version;
  if (isOf(kind, 'items', data)) return <ItemDataView data={data} unitName={unitName} />;
  if (isOf(kind, 'benchmarks', data)) return <BenchmarkDataView data={data} unitName={unitName} />;
  if (isOf(kind, 'av-rules', data)) return <AvRuleDataView data={data} unitName={unitName} />;
  if (isOf(kind, 'review-rules', data)) return <ReviewRuleDataView data={data} unitName={unitName} />;
  if (isOf(kind, 'window-boards', data)) return <WindowBoardDataView data={data} unitName={unitName} />;
  return null;
}
