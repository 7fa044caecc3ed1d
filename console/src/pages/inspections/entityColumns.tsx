import { Button, type TableColumnsType, Tag, Typography } from 'antd';
import { type EntityView, riskClassLabel } from '../../api/inspection-entities';

/** A for low risk through D for high: the colours people expect from a traffic light. */
export const RISK_COLORS: Readonly<Record<string, string>> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

export function RiskTag({ riskClass }: { riskClass: string }) {
  return (
    <Tag color={RISK_COLORS[riskClass]} title={riskClassLabel(riskClass)}>
      {riskClass}
    </Tag>
  );
}

/** The directory's columns; on a phone only what tells entities apart (name, code, risk). */
export function entityColumns({ compact, onOpen }: { compact: boolean; onOpen: (e: EntityView) => void }): TableColumnsType<EntityView> {
  const name: TableColumnsType<EntityView>[number] = {
    title: '名称',
    dataIndex: 'name',
    width: compact ? undefined : 260,
    render: (value: string, e) => (
      <>
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => onOpen(e)}
          data-testid={`entity-open-${e.uscc}`}
        >
          {value}
        </Button>
        {!e.active && (
          <Tag color="default" style={{ marginLeft: 4 }}>
            已停用
          </Tag>
        )}
        {compact && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} copyable={{ text: e.uscc }}>
            {e.uscc}
          </Typography.Text>
        )}
      </>
    ),
  };
  const risk: TableColumnsType<EntityView>[number] = {
    title: '风险',
    dataIndex: 'riskClass',
    width: 64,
    render: (value: string) => <RiskTag riskClass={value} />,
  };
  if (compact) return [name, risk];
  return [
    name,
    { title: '统一社会信用代码', dataIndex: 'uscc', width: 215, render: (v: string) => <Typography.Text copyable>{v}</Typography.Text> },
    { title: '所属区域', dataIndex: 'region', width: 110 },
    { title: '行业', dataIndex: 'industry', width: 140, ellipsis: true },
    { title: '规模', dataIndex: 'size', width: 70, render: (v: string) => v || '—' },
    risk,
    { title: '法定代表人', dataIndex: 'legalRepresentative', width: 100 },
    { title: '住所(地址)', dataIndex: 'address', ellipsis: true },
  ];
}
