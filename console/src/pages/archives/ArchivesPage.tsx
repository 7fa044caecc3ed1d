import { Badge, Card, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { listDisposalLists } from '../../api/archives';
import { useAsync } from '../../hooks/useAsync';
import { navigate, useLocation } from '../../router';
import { useCan } from '../../session/SessionContext';
import { type ArchivesTab, archivesUrl } from './archiveLabels';
import { DisposalTab } from './DisposalTab';
import { FileDetail } from './FileDetail';
import { FilesTab } from './FilesTab';
import { PendingTab } from './PendingTab';

const TABS: readonly ArchivesTab[] = ['pending', 'files', 'disposal'];

/**
 * 档案管理: 待归档 (组卷预览 and 接收归档), 已归档 (search, filters; a file in full with `?file=`) and 销毁清单.
 * The tab is in the address (`?tab=`), so the back button and a shared link land where they should.
 */
export function ArchivesPage() {
  const can = useCan();
  const { search } = useLocation();
  const fileId = search.get('file');
  const asked = search.get('tab');
  // The archivist's daily work is 待归档; leaders and supervisors mostly read what has been filed.
  const tab: ArchivesTab = TABS.find((t) => t === asked) ?? (can('archive.accept') ? 'pending' : 'files');
  const [generation, setGeneration] = useState(0);
  const bump = useCallback(() => setGeneration((g) => g + 1), []);
  // A leader sees at a glance how many lists wait for a decision; an archivist, how many wait to be executed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` reloads the count after a change on the page.
  const loadLists = useCallback(() => (fileId ? Promise.resolve([]) : listDisposalLists()), [fileId, generation]);
  const lists = useAsync(loadLists);
  const waiting = (lists.data ?? []).filter(
    (l) => (l.state === 'pending' && can('archive.approve_disposal')) || (l.state === 'approved' && can('archive.dispose')),
  ).length;

  if (fileId) return <FileDetail id={fileId} />;

  return (
    <Card title="档案管理">
      <Typography.Paragraph type="secondary">
        已结案的案件由档案管理员组卷、经四性检测(真实性、完整性、可用性、安全性)后接收归档,编定档号;案卷接收后不能修改,
        归档后新增的材料补充归档。保管期满的案卷编入销毁清单,经局领导批准后销毁,账本保留文件哈希与销毁记录。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(archivesUrl(TABS.find((t) => t === key) ?? 'files'))}
        items={[
          { key: 'pending', label: <span data-testid="archives-tab-pending">待归档</span>, children: <PendingTab onAccepted={bump} /> },
          { key: 'files', label: <span data-testid="archives-tab-files">已归档</span>, children: <FilesTab generation={generation} /> },
          {
            key: 'disposal',
            label: (
              <span data-testid="archives-tab-disposal">
                销毁清单{' '}
                {waiting > 0 && (
                  <Badge count={waiting} size="small" aria-label={`${waiting} 份清单待处理`} data-testid="archives-disposal-waiting" />
                )}
              </span>
            ),
            children: <DisposalTab onChanged={bump} />,
          },
        ]}
      />
    </Card>
  );
}
