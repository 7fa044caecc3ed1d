import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Flex, type TableColumnsType, Tag, Typography } from 'antd';
import type { IssuedDocument } from '../../../api/caseDocuments';
import { formatTime } from '../../../format';

/** The first characters of a SHA-256, enough to tell documents apart on screen (the copy is the whole hash). */
export const shortHash = (sha256: string): string => `${sha256.slice(0, 12)}…`;

export interface DocumentColumnsOptions {
  /** Whether this person may issue documents in the case (and so correct them). */
  canIssue: boolean;
  downloading: string | null;
  onDownload: (doc: IssuedDocument) => void;
  onCorrect: (doc: IssuedDocument) => void;
  /** Version numbers by id, to name the correction that replaced a document. */
  versionOf: (id: string) => number | undefined;
}

export function documentColumns({
  canIssue,
  downloading,
  onDownload,
  onCorrect,
  versionOf,
}: DocumentColumnsOptions): TableColumnsType<IssuedDocument> {
  return [
    {
      title: '文书',
      key: 'title',
      render: (_, doc) => (
        <Flex vertical gap={2}>
          <Typography.Text delete={doc.supersededBy !== null} strong={doc.supersededBy === null}>
            {doc.title}
          </Typography.Text>
          <Flex wrap gap={4}>
            {doc.version > 1 && <Tag color="blue">第 {doc.version} 版(更正)</Tag>}
            {doc.supersededBy !== null && (
              <Tag color="default" data-testid="case-document-superseded">
                已被{versionOf(doc.supersededBy) ? `第 ${versionOf(doc.supersededBy)} 版` : ''}更正,作废
              </Tag>
            )}
          </Flex>
        </Flex>
      ),
    },
    { title: '文号', dataIndex: 'number', key: 'number', render: (n: string | null) => n ?? '—' },
    { title: '成文日期', dataIndex: 'documentDate', key: 'documentDate', width: 110 },
    {
      title: '签发',
      key: 'issued',
      render: (_, doc) => (
        <Flex vertical>
          <span>{doc.issuedByName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatTime(doc.issuedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: 'SHA-256',
      dataIndex: 'sha256',
      key: 'sha256',
      render: (sha256: string) => (
        <Typography.Text code copyable={{ text: sha256, tooltips: ['复制完整哈希', '已复制'] }} title={sha256}>
          {shortHash(sha256)}
        </Typography.Text>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, doc) => (
        <Flex wrap gap={4}>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={downloading === doc.id}
            onClick={() => onDownload(doc)}
            data-testid="case-document-download"
            data-document-id={doc.id}
          >
            下载 .docx
          </Button>
          {canIssue && doc.supersededBy === null && (
            <Button size="small" icon={<EditOutlined />} onClick={() => onCorrect(doc)} data-testid="case-document-correct">
              更正
            </Button>
          )}
        </Flex>
      ),
    },
  ];
}
