import { Divider, Flex, Tag, Timeline, Typography } from 'antd';
import type { IssuedDocument } from '../../../api/caseDocuments';
import { formatTime } from '../../../format';

/**
 * The case's documents in the 全过程记录: after the steps, in date order (成文日期, then the moment
 * of issue), each with its 文号 and the SHA-256 of the stored .docx, corrections and what they replaced
 * included — so the record, on screen and on paper, lists every document issued.
 */

const versionText = (doc: IssuedDocument, all: readonly IssuedDocument[]): string => {
  const parts = [`第 ${doc.version} 版`];
  if (doc.supersedesId) parts.push('更正版');
  if (doc.supersededBy) {
    const by = all.find((d) => d.id === doc.supersededBy);
    parts.push(by ? `已被第 ${by.version} 版更正(作废)` : '已被更正(作废)');
  }
  return parts.join(',');
};

/** On screen, below the steps' timeline. */
export function DocumentsTimeline({ documents }: { documents: readonly IssuedDocument[] }) {
  if (documents.length === 0) return null;
  return (
    <div data-testid="case-timeline-documents">
      <Divider titlePlacement="start" style={{ margin: '4px 0 16px' }}>
        执法文书({documents.length})
      </Divider>
      <Timeline
        items={documents.map((doc) => ({
          key: doc.id,
          color: doc.supersededBy ? 'gray' : 'green',
          content: (
            <div data-testid="case-timeline-document">
              <Flex wrap gap={8} align="center">
                <Typography.Text strong delete={doc.supersededBy !== null}>
                  {doc.title}
                </Typography.Text>
                <Typography.Text>{doc.documentDate}</Typography.Text>
                {doc.number && <Tag>{doc.number}</Tag>}
                {(doc.version > 1 || doc.supersededBy) && (
                  <Tag color={doc.supersededBy ? 'default' : 'blue'}>{versionText(doc, documents)}</Tag>
                )}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {doc.issuedByName} · 签发于 {formatTime(doc.issuedAt)}
              </Typography.Text>
              <div style={{ marginTop: 4 }}>
                <Typography.Text type="secondary">SHA-256:</Typography.Text>
                <Typography.Text code copyable={{ text: doc.sha256 }} style={{ wordBreak: 'break-all' }}>
                  {doc.sha256}
                </Typography.Text>
              </div>
            </div>
          ),
        }))}
      />
    </div>
  );
}

/** On paper: a table after the steps' table (full hashes, so the printout can be checked against the files). */
export function DocumentsPrintTable({ documents }: { documents: readonly IssuedDocument[] }) {
  if (documents.length === 0) return null;
  return (
    <>
      <h2 style={{ fontSize: '12pt', margin: '12pt 0 4pt' }}>执法文书</h2>
      <table>
        <thead>
          <tr>
            <th style={{ width: '6%' }}>序号</th>
            <th style={{ width: '13%' }}>成文日期</th>
            <th style={{ width: '17%' }}>文书</th>
            <th style={{ width: '20%' }}>文号</th>
            <th style={{ width: '10%' }}>签发人</th>
            <th>版本及 SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((doc, i) => (
            <tr key={doc.id}>
              <td>{i + 1}</td>
              <td>{doc.documentDate}</td>
              <td>{doc.title}</td>
              <td>{doc.number ?? '—'}</td>
              <td>{doc.issuedByName}</td>
              <td className="case-print-note" style={{ wordBreak: 'break-all' }}>
                {`${versionText(doc, documents)}\n${doc.sha256}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
