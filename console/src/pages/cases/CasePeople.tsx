import { Card, Descriptions, Empty, List, Tag } from 'antd';
import type { CaseOfficer, CaseParty } from '../../api/cases';
import { OFFICER_ROLE_LABELS, PARTY_KIND_LABELS } from './caseLabels';
import { idLabel } from './partyIds';

/** 当事人: each as a small card (stacks on phones). */
export function PartiesSection({ parties }: { parties: readonly CaseParty[] }) {
  if (parties.length === 0) return <Empty description="没有当事人" />;
  return (
    <>
      {parties.map((p) => (
        <Card key={p.id} size="small" title={p.name} extra={<Tag>{PARTY_KIND_LABELS[p.kind] ?? p.kind}</Tag>} style={{ marginBottom: 12 }}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 1, md: 2 }}
            items={[
              { key: 'id', label: idLabel(p.kind), children: p.idNo },
              ...(p.kind === 'organization' ? [{ key: 'rep', label: '法定代表人或负责人', children: p.legalRepresentative || '—' }] : []),
              { key: 'phone', label: '联系电话', children: p.phone || '—' },
              { key: 'address', label: '地址', children: p.address || '—' },
            ]}
          />
        </Card>
      ))}
    </>
  );
}

/** 执法人员 assigned at registration (those who took part in a step are named in the record). */
export function OfficersSection({ officers }: { officers: readonly CaseOfficer[] }) {
  return (
    <List
      dataSource={[...officers]}
      locale={{ emptyText: '登记时未指定执法人员;调查取证时选择参与的执法人员' }}
      renderItem={(o) => (
        <List.Item extra={<Tag color={o.role === 'lead' ? 'blue' : 'default'}>{OFFICER_ROLE_LABELS[o.role] ?? o.role}</Tag>}>
          <List.Item.Meta title={o.name} description={`执法证号 ${o.certificateNo}`} />
        </List.Item>
      )}
    />
  );
}
