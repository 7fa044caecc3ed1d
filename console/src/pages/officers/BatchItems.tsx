import { List, Space, Tag, Typography } from 'antd';
import type { BatchItem } from '../../api/officers';
import { ACTION_LABELS } from './officerLabels';

const ENTRY_STATUS: Readonly<Record<string, string>> = { active: '有效', suspended: '暂扣', revoked: '注销' };

/** Each item with the data frozen at submission: exactly what the public roster will show after 确认. */
export function BatchItems({ items }: { items: readonly BatchItem[] }) {
  return (
    <List
      size="small"
      bordered
      dataSource={[...items]}
      locale={{ emptyText: '批次中没有变更' }}
      data-testid="batch-items"
      renderItem={(item) => (
        <List.Item>
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap>
              <Tag color={item.action === 'remove' ? 'red' : 'blue'}>{ACTION_LABELS[item.action] ?? item.action}</Tag>
              <Typography.Text strong>{item.officerName}</Typography.Text>
              <Typography.Text type="secondary">{item.certificateNo}</Typography.Text>
            </Space>
            {item.action === 'remove' && <Typography.Text type="secondary">确认后从公开清单中移除</Typography.Text>}
            {item.action !== 'remove' && !item.entry && <Typography.Text type="secondary">报送时将冻结该人员当时的信息</Typography.Text>}
            {item.entry && (
              <Typography.Text>
                {item.entry.unitName} · {item.entry.position} · 有效期 {item.entry.validFrom} 至 {item.entry.validTo} · 证件状态{' '}
                {ENTRY_STATUS[item.entry.status] ?? item.entry.status}
                <br />
                执法类别:{item.entry.categories.join('、')}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
