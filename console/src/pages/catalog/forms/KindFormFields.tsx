import type { CatalogKind } from '../../../api/catalog';
import { AvRuleFormFields } from './AvRuleFormFields';
import { BenchmarkFormFields } from './BenchmarkFormFields';
import { ItemFormFields } from './ItemFormFields';
import { ReviewRuleFormFields } from './ReviewRuleFormFields';
import { WindowBoardFormFields } from './WindowBoardFormFields';

/** The data fields of one kind, rendered inside the entry form. */
export function KindFormFields({ kind }: { kind: CatalogKind }) {
  switch (kind) {
    case 'items':
      return <ItemFormFields />;
    case 'benchmarks':
      return <BenchmarkFormFields />;
    case 'av-rules':
      return <AvRuleFormFields />;
    case 'review-rules':
      return <ReviewRuleFormFields />;
    case 'window-boards':
      return <WindowBoardFormFields />;
  }
}
