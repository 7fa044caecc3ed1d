import { ArrowLeftOutlined, DownloadOutlined, LockOutlined, SafetyCertificateOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Descriptions, Flex, Popconfirm, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { type CaseFileView, type CheckSummary, checkFile, downloadBag, getFile, setHold } from '../../api/archives';
import { apiErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReasonModal } from '../../components/ReasonModal';
import { beijingToday, formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { navigate, routes } from '../../router';
import { useCan } from '../../session/SessionContext';
import { archivesUrl, FILE_STATE_COLORS, TRIGGER_LABELS } from './archiveLabels';
import { FourChecksView } from './FourChecksView';
import { ItemsTable } from './ItemsTable';
import { SupplementModal } from './SupplementModal';

function Header({ file }: { file: CaseFileView }) {
  const can = useCan();
  const today = beijingToday();
  const ended = file.retentionUntil !== null && file.retentionUntil < today;
  const caseUrl = `${routes.cases}?id=${encodeURIComponent(file.caseId)}`;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        { key: 'no', label: '档号', children: <span data-testid="file-archive-no">{file.archiveNo}</span> },
        {
          key: 'case',
          label: '案件',
          children: can('case.list') ? (
            <Typography.Link href={caseUrl} target="_blank" rel="noopener">
              {file.caseNo}
            </Typography.Link>
          ) : (
            file.caseNo
          ),
        },
        {
          key: 'state',
          label: '状态',
          children: (
            <Flex wrap gap={4}>
              <Tag color={FILE_STATE_COLORS[file.state]} data-testid="file-state">
                {file.stateLabel}
              </Tag>
              {file.legalHold && <Tag color="red">已冻结</Tag>}
              {ended && file.state === 'archived' && <Tag color="orange">保管期满</Tag>}
              {file.disposalListId && file.state === 'archived' && (
                <Typography.Link
                  href={archivesUrl('disposal')}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(archivesUrl('disposal'));
                  }}
                >
                  <Tag color="gold">已列入销毁清单</Tag>
                </Typography.Link>
              )}
            </Flex>
          ),
        },
        {
          key: 'retention',
          label: '保管期限',
          children: (
            <span data-testid="file-retention">
              {file.retentionLabel}
              {file.retentionUntil ? `(至 ${file.retentionUntil})` : '(永久保存)'}
            </span>
          ),
        },
        { key: 'count', label: '件数 / 页数', children: `${file.itemCount} 件 / ${file.pages} 页` },
        { key: 'closed', label: '结案日期', children: file.closedOn },
        { key: 'accepted', label: '接收', children: `${file.acceptedByName} · ${formatTime(file.acceptedAt)}` },
        ...(file.disposedAt ? [{ key: 'disposed', label: '销毁时间', children: formatTime(file.disposedAt) }] : []),
        {
          key: 'bases',
          label: '保管期限依据',
          span: 'filled' as const,
          children: file.retentionBases.join(';') || '—',
        },
        ...(file.note ? [{ key: 'note', label: '本卷情况说明', span: 'filled' as const, children: file.note }] : []),
      ]}
    />
  );
}

function Checks({ file, titleOf }: { file: CaseFileView; titleOf: (p: number) => string | undefined }) {
  const checks: CheckSummary[] = [...file.checks].sort((a, b) => b.checkedAt.localeCompare(a.checkedAt));
  if (checks.length === 0) return <Typography.Text type="secondary">尚无检测报告</Typography.Text>;
  return (
    <Collapse
      data-testid="file-checks"
      items={checks.map((c, i) => ({
        key: c.id,
        label: (
          <Flex wrap gap={8} align="center" data-testid="file-check">
            <Typography.Text strong>{formatTime(c.checkedAt)}</Typography.Text>
            <Tag>{TRIGGER_LABELS[c.trigger] ?? c.trigger}</Tag>
            <Tag color={c.passed ? 'success' : 'error'}>{c.passed ? '通过' : '未通过'}</Tag>
            {i === 0 && <Tag color="blue">最近一次</Tag>}
          </Flex>
        ),
        children: <FourChecksView report={c.report} titleOf={titleOf} />,
      }))}
    />
  );
}

function Actions({ file, onChanged }: { file: CaseFileView; onChanged: (next: CaseFileView) => void }) {
  const can = useCan();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [busy, setBusy] = useState<'export' | 'check' | 'release' | null>(null);
  const [supplementing, setSupplementing] = useState(false);
  const [holding, setHolding] = useState(false);
  const live = file.state === 'archived';

  const run = async (what: 'export' | 'check' | 'release', work: () => Promise<void>) => {
    setBusy(what);
    try {
      await work();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex wrap gap={8}>
      {can('archive.export') && live && (
        <Button
          icon={<DownloadOutlined />}
          loading={busy === 'export'}
          onClick={() =>
            void run('export', async () => {
              const name = await downloadBag(file);
              message.success(`已下载 ${name}`);
            })
          }
          data-testid="file-export"
        >
          导出归档包
        </Button>
      )}
      {can('archive.accept') && live && (
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={busy === 'check'}
          onClick={() =>
            void run('check', async () => {
              const check = await checkFile(file.id);
              onChanged({ ...file, checks: [...file.checks, check] });
              if (check.passed) message.success('四性检测通过,报告已留存');
              else message.warning('四性检测未通过,请查看报告中标红的项目');
            })
          }
          data-testid="file-check-run"
        >
          四性检测
        </Button>
      )}
      {can('archive.accept') && live && (
        <Button onClick={() => setSupplementing(true)} data-testid="file-supplement">
          补充归档
        </Button>
      )}
      {can('archive.hold') && live && !file.legalHold && (
        <Button icon={<LockOutlined />} onClick={() => setHolding(true)} data-testid="file-hold">
          冻结
        </Button>
      )}
      {can('archive.hold') && live && file.legalHold && (
        <Popconfirm
          title="解除冻结后,案卷保管期满即可列入销毁清单。确定解除?"
          okText="解除冻结"
          onConfirm={() =>
            void run('release', async () => {
              onChanged(await setHold(file.id, null));
              message.success('已解除冻结');
            })
          }
          okButtonProps={{ 'data-testid': 'file-release-confirm' }}
        >
          <Button icon={<UnlockOutlined />} loading={busy === 'release'} data-testid="file-release">
            解除冻结
          </Button>
        </Popconfirm>
      )}
      <SupplementModal
        file={file}
        open={supplementing}
        onClose={() => setSupplementing(false)}
        onDone={(next) => {
          setSupplementing(false);
          onChanged(next);
          message.success(`已补充归档(第 ${next.supplements.length} 次)`);
        }}
      />
      <ReasonModal
        open={holding}
        title={`冻结案卷 · ${file.archiveNo}`}
        label="冻结原因"
        hint="因诉讼、行政复议、审计、检查等需要保全的案卷应当冻结;冻结期间不得列入销毁清单或销毁。"
        okText="冻结"
        onCancel={() => setHolding(false)}
        onSubmit={async (reason) => {
          const next = await setHold(file.id, reason);
          setHolding(false);
          onChanged(next);
          message.success('已冻结');
        }}
        testId="file-hold-reason"
      />
    </Flex>
  );
}

/** One case file: 档号, retention, state and hold; the 卷内文件目录; supplements; 四性检测 reports, latest first. */
export function FileDetail({ id }: { id: string }) {
  const load = useCallback(() => getFile(id), [id]);
  const loaded = useAsync(load);
  const [fresh, setFresh] = useState<CaseFileView | null>(null);
  const file = fresh?.id === id ? fresh : loaded.data?.id === id ? loaded.data : undefined;
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(archivesUrl('files'))} data-testid="file-back">
      返回已归档
    </Button>
  );

  if (loaded.error) {
    return (
      <Card title="案卷" extra={back}>
        <ErrorAlert error={apiErrorText(loaded.error)} testId="file-error" />
      </Card>
    );
  }
  if (!file) {
    return (
      <Card title="案卷" extra={back}>
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      </Card>
    );
  }
  const titles = new Map(file.items.map((i) => [i.position, i.title]));

  return (
    <Card
      title={
        <Typography.Text ellipsis title={file.title}>
          案卷 · {file.title}
        </Typography.Text>
      }
      extra={back}
      data-testid="file-detail"
    >
      <Flex vertical gap={16}>
        {file.legalHold && (
          <Alert
            type="warning"
            showIcon
            icon={<LockOutlined />}
            title={`案卷已冻结:${file.legalHold}`}
            description="冻结期间案卷不得列入销毁清单或销毁;保全事由消除后由档案管理员或局领导解除冻结。"
            data-testid="file-hold-banner"
          />
        )}
        {file.state === 'disposed' && (
          <Alert
            type="info"
            showIcon
            title={`案卷已于 ${formatTime(file.disposedAt)} 销毁`}
            description="卷内文件内容已删除;下列目录和账本中的哈希值保留,作为销毁前内容的凭证。"
            data-testid="file-disposed-banner"
          />
        )}
        <Header file={file} />
        <Actions file={file} onChanged={setFresh} />
        <div>
          <Typography.Title level={5}>卷内文件目录</Typography.Title>
          <ItemsTable items={file.items} testId="file-items" caption="卷内文件目录" />
        </div>
        {file.supplements.length > 0 && (
          <div>
            <Typography.Title level={5}>补充归档</Typography.Title>
            <Table
              size="small"
              rowKey="no"
              pagination={false}
              scroll={{ x: 600 }}
              dataSource={file.supplements}
              data-testid="file-supplements"
              columns={[
                { title: '次序', dataIndex: 'no', width: 70, render: (n: number) => `第 ${n} 次` },
                { title: '原因', dataIndex: 'reason' },
                { title: '经办人', dataIndex: 'createdByName', width: 100 },
                { title: '时间', dataIndex: 'createdAt', width: 170, render: (t: string) => formatTime(t) },
              ]}
            />
          </div>
        )}
        <div>
          <Typography.Title level={5}>四性检测报告</Typography.Title>
          <Checks file={file} titleOf={(p) => titles.get(p)} />
        </div>
      </Flex>
    </Card>
  );
}
