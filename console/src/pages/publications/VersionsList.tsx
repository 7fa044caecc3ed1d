import { Empty, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { type PublicationView, portalDecisionUrl, type VersionView } from '../../api/publications';
import { formatTime } from '../../format';

const columns: TableColumnsType<VersionView> = [
  { title: '版本', dataIndex: 'version', key: 'version', width: 80, render: (n: number) => `第 ${n} 版` },
  { title: '公开时间', dataIndex: 'publishedAt', key: 'publishedAt', width: 170, render: (t: string) => formatTime(t) },
  { title: '公开人', key: 'by', width: 100, render: (_, v) => v.publishedByName ?? '—' },
  { title: '更正说明', key: 'note', render: (_, v) => v.changeNote ?? '首次公开' },
  { title: '隐去', key: 'redactions', width: 80, render: (_, v) => `${v.redactions.length} 处` },
  {
    title: '账本序号',
    dataIndex: 'ledgerIndex',
    key: 'ledger',
    width: 100,
    render: (n: number) => <span data-testid="publication-version-ledger">{n}</span>,
  },
];

/** The published text of a version and the hashes the ledger entry names. */
function VersionText({ version }: { version: VersionView }) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text style={{ fontSize: 12, wordBreak: 'break-all' }}>
        公开文本 SHA-256:{version.textSha256};原决定书 SHA-256:{version.originalSha256}
      </Typography.Text>
      <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 320, overflow: 'auto' }}>{version.text}</div>
    </Flex>
  );
}

/** 已公开版本: each published text with its ledger index; the public page shows the current one (or the withdrawal notice). */
export function VersionsList({ view }: { view: PublicationView }) {
  if (view.versions.length === 0) return <Empty description="尚未公开" />;
  return (
    <Flex vertical gap={8}>
      {(view.state === 'published' || view.state === 'withdrawn') && (
        <Typography.Text>
          公开页面:
          <Typography.Link href={portalDecisionUrl(view.id)} target="_blank" rel="noopener">
            {portalDecisionUrl(view.id)}
          </Typography.Link>
          {view.state === 'withdrawn' && '(已撤回,只显示撤回说明)'}
        </Typography.Text>
      )}
      <Table<VersionView>
        rowKey="version"
        size="small"
        columns={columns}
        dataSource={view.versions}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="publication-versions"
        expandable={{ expandedRowRender: (v) => <VersionText version={v} /> }}
      />
    </Flex>
  );
}
