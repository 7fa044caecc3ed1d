import { Card, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { BatchesTab } from './BatchesTab';
import { EntriesTab } from './EntriesTab';

/**
 * 重大劳动保障违法行为社会公布 (人社部令第29号): the entries derived from decided cases (mark the category,
 * confirm the fields) and the quarterly lists (compile, publish).
 */
export function ViolationNoticesPage() {
  const [tab, setTab] = useState<'entries' | 'batches'>('entries');
  return (
    <Card title="重大劳动保障违法行为公布">
      <Typography.Paragraph type="secondary">
        对已经依法查处并作出处理决定的用人单位,逐项选择第29号令规定的违法行为类别,核对违法主体全称、统一社会信用代码、地址、法定代表人或负责人姓名、
        主要违法事实和相关处理情况后确认纳入;政策法规科按季度编制名单,经局领导或政策法规科发布后在门户网站公布,公布后不能修改,只能写明理由撤下。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key === 'batches' ? 'batches' : 'entries')}
        items={[
          { key: 'entries', label: <span data-testid="notices-tab-entries">公布事项</span>, children: <EntriesTab /> },
          { key: 'batches', label: <span data-testid="notices-tab-batches">季度名单</span>, children: <BatchesTab /> },
        ]}
      />
    </Card>
  );
}
