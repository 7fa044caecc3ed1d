import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Typography } from 'antd';
import { useState } from 'react';
import { fetchDocumentDocx, type IssuedDocument } from '../../api/caseDocuments';
import { saveBlob } from '../../components/excel/excelHttp';

/**
 * The round's 《重大行政执法决定法制审核意见书》 as issued (numbered .docx in the case's documents),
 * downloaded through the documents API like any other document of the case.
 */
export function OpinionDocumentButton({ documentId, documents }: { documentId: string; documents: readonly IssuedDocument[] }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const doc = documents.find((d) => d.id === documentId);
  if (!doc) return <Typography.Text type="secondary">审核意见书(文书 {documentId.slice(0, 8)})</Typography.Text>;

  const download = async () => {
    setBusy(true);
    try {
      const { blob, filename } = await fetchDocumentDocx(doc);
      saveBlob(blob, filename);
    } catch (error) {
      message.error(error instanceof Error ? error.message : '下载失败,请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={() => void download()}
      data-testid="review-opinion-download"
      data-document-id={doc.id}
    >
      {doc.title}
      {doc.number ? ` ${doc.number}` : ''}(.docx)
    </Button>
  );
}
