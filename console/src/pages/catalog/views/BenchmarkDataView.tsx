import { Table, Tag } from 'antd';
import type { BenchmarkData, BenchmarkTier } from '../../../api/catalog';
import { DataTable, LegalBasesView, orDash, Prose } from './viewBits';

const TIER_COLORS: Readonly<Record<string, string>> = { 轻微: 'green', 一般: 'blue', 较重: 'orange', 严重: 'red' };

export function fineText(t: BenchmarkTier): string {
  if (t.fineMin === null || t.fineMax === null) return '不罚款';
  const n = (v: number) => v.toLocaleString('zh-CN');
  return `${n(t.fineMin)}–${n(t.fineMax)} ${t.fineUnit}`;
}

function TiersTable({ tiers }: { tiers: readonly BenchmarkTier[] }) {
  return (
    <Table<BenchmarkTier>
      size="small"
      pagination={false}
      rowKey={(t) => `${t.level}|${t.conditions}`}
      dataSource={[...tiers]}
      scroll={{ x: 520 }}
      columns={[
        { title: '等级', dataIndex: 'level', width: 70, render: (l: string) => <Tag color={TIER_COLORS[l]}>{l}</Tag> },
        { title: '适用情形', dataIndex: 'conditions', render: (t: string) => <Prose text={t} /> },
        { title: '处罚内容', dataIndex: 'penalty', render: (t: string) => <Prose text={t} /> },
        { title: '罚款幅度', key: 'fine', width: 130, render: (_v, t) => fineText(t) },
      ]}
    />
  );
}

/** 裁量基准: bases, the statutory range, the tiers as a table and the no-penalty rules. */
export function BenchmarkDataView({ data, unitName }: { data: BenchmarkData; unitName: string }) {
  const exempt = [data.firstViolationExempt ? '首违不罚' : '', data.minorExempt ? '轻微不罚' : ''].filter((t) => t !== '');
  return (
    <DataTable
      rows={[
        ['违法行为', data.name],
        ['违法行为类别', data.category],
        ['适用单位', unitName],
        ['对应执法事项', orDash(data.itemCode)],
        ['违法依据', <LegalBasesView key="violation" bases={data.violationBases} />],
        ['处罚依据', <LegalBasesView key="penalty" bases={data.penaltyBases} />],
        ['法定处罚种类和幅度', <Prose key="range" text={data.statutoryRange} />],
        ['裁量阶次', <TiersTable key="tiers" tiers={data.tiers} />],
        ['不予处罚', exempt.length === 0 ? '不适用' : exempt.join('、')],
        exempt.length > 0 && ['不予处罚的条件', <Prose key="exempt" text={data.exemptConditions} />],
        ['说明', <Prose key="notes" text={data.notes} />],
      ]}
    />
  );
}
