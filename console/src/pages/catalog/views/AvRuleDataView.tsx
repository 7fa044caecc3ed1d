import { Tag } from 'antd';
import type { AvRuleData } from '../../../api/catalog';
import { AV_REQUIREMENT_LABELS } from '../catalogLabels';
import { DataTable, Prose, TagList } from './viewBits';

const REQUIREMENT_COLORS: Readonly<Record<string, string>> = { mandatory: 'red', as_needed: 'blue', not_required: 'default' };

/** 音像记录事项: which step of which item, and how it is recorded. */
export function AvRuleDataView({ data, unitName }: { data: AvRuleData; unitName: string }) {
  return (
    <DataTable
      rows={[
        ['执法事项', data.itemCode],
        ['办理环节', data.step],
        ['实施单位', unitName],
        [
          '音像记录要求',
          <Tag key="requirement" color={REQUIREMENT_COLORS[data.requirement]}>
            {AV_REQUIREMENT_LABELS[data.requirement] ?? data.requirement}
          </Tag>,
        ],
        ['音像记录类别', data.recordCategory],
        ['记录设备', <TagList key="devices" values={data.devices} />],
        ['最短保存期限', `${data.retentionMonths} 个月`],
        ['说明', <Prose key="notes" text={data.notes} />],
      ]}
    />
  );
}
