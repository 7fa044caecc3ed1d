import { Alert, Descriptions, Divider, Drawer, Grid, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { getOfficer } from '../../api/officers';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { certificateState, legalLevelLabel } from './officerLabels';
import { TrainingSection } from './TrainingSection';

function OfficerDrawerBody({ officerId, editable, refreshKey }: { officerId: string; editable: boolean; refreshKey: number }) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refreshKey` re-reads after an edit made elsewhere.
  const load = useCallback(() => getOfficer(officerId), [officerId, refreshKey]);
  const officer = useAsync(load);
  if (officer.error) return officer.error.status === 401 ? null : <Alert type="error" showIcon title={officer.error.message} />;
  const o = officer.data;
  if (!o) return <Skeleton active />;
  const state = certificateState(o);
  return (
    <>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }} data-testid="officer-detail">
        <Descriptions.Item label="姓名">{o.name}</Descriptions.Item>
        <Descriptions.Item label="所属单位">{o.unitName}</Descriptions.Item>
        <Descriptions.Item label="职务">{o.position}</Descriptions.Item>
        <Descriptions.Item label="执法类别">
          <Space size={[0, 4]} wrap>
            {o.categories.map((c) => (
              <Tag key={c}>{c}</Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="证件号码">{o.certificateNo}</Descriptions.Item>
        <Descriptions.Item label="发证机关">{o.issuingAuthority}</Descriptions.Item>
        <Descriptions.Item label="有效期">{`${o.validFrom} 至 ${o.validTo}`}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={state.color}>{state.label}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="法律职业资格">
          {legalLevelLabel(o.legalQualification.level)} {o.legalQualification.certificateNo ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label="关联账号">{o.userId ?? '未关联'}</Descriptions.Item>
        <Descriptions.Item label="更新时间">{formatTime(o.updatedAt)}</Descriptions.Item>
      </Descriptions>
      <Divider titlePlacement="start">
        <Typography.Text strong>培训记录</Typography.Text>
      </Divider>
      <TrainingSection officerId={o.id} editable={editable} />
    </>
  );
}

/** 执法人员详情 with 培训记录; full screen on phones. */
export function OfficerDrawer(props: { officerId: string | null; editable: boolean; refreshKey: number; onClose: () => void }) {
  const compact = Grid.useBreakpoint().md === false;
  return (
    <Drawer open={props.officerId !== null} onClose={props.onClose} title="执法人员详情" size={compact ? '100%' : 640} destroyOnHidden>
      {props.officerId && (
        <OfficerDrawerBody key={props.officerId} officerId={props.officerId} editable={props.editable} refreshKey={props.refreshKey} />
      )}
    </Drawer>
  );
}
