import { FileAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { type DocumentType, fetchDocumentDocx, type IssuedDocument } from '../../../api/caseDocuments';
import type { CaseView } from '../../../api/cases';
import { saveBlob } from '../../../components/excel/excelHttp';
import { useCan } from '../../../session/SessionContext';
import { DocumentDrawer } from './DocumentDrawer';
import { documentColumns } from './documentColumns';
import type { CaseDocuments } from './useCaseDocuments';

/** Another part of the case asks for a document to be made (a 送达 without one): `key` tells requests apart. */
export interface ComposeRequest {
  type: DocumentType;
  key: number;
}

export interface CaseDocumentsTabProps {
  view: CaseView;
  documents: CaseDocuments;
  /** Opens 制作文书 with this type chosen. */
  request?: ComposeRequest | null;
  /** After a document was issued (the list is reloading). */
  onIssued?: (doc: IssuedDocument) => void;
}

/** 执法文书 of a case: what was issued (newest first), its .docx, corrections, and 制作文书. */
export function CaseDocumentsTab({ view, documents, request = null, onIssued }: CaseDocumentsTabProps) {
  const { message } = App.useApp();
  const can = useCan();
  const canIssue = can('case.handle') || can('case.approve');
  const [composing, setComposing] = useState(false);
  const [composeType, setComposeType] = useState<DocumentType | undefined>(undefined);
  const [correcting, setCorrecting] = useState<IssuedDocument | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const rows = useMemo(() => [...documents.items].reverse(), [documents.items]);

  useEffect(() => {
    if (!request) return;
    setComposeType(request.type);
    setComposing(true);
  }, [request]);

  const download = async (doc: IssuedDocument) => {
    setDownloading(doc.id);
    try {
      const { blob, filename } = await fetchDocumentDocx(doc);
      saveBlob(blob, filename);
    } catch (error) {
      message.error(error instanceof Error ? error.message : '下载失败,请稍后重试');
    } finally {
      setDownloading(null);
    }
  };

  const columns = documentColumns({
    canIssue,
    downloading,
    onDownload: (doc) => void download(doc),
    onCorrect: (doc) => {
      setCorrecting(doc);
      setComposing(true);
    },
    versionOf: (id) => documents.items.find((d) => d.id === id)?.version,
  });

  const close = () => {
    setComposing(false);
    setCorrecting(null);
    setComposeType(undefined);
  };

  return (
    <div data-testid="case-documents">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          签发的文书原样存证(.docx 及其 SHA-256),下载即记录调阅;有误时只能更正,原文书保留并标为作废。
        </Typography.Text>
        {canIssue && (
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => setComposing(true)} data-testid="case-document-new">
            制作文书
          </Button>
        )}
      </Flex>
      {documents.error && documents.error.status !== 401 && (
        <Alert type="error" showIcon title={documents.error.message} style={{ marginBottom: 12 }} />
      )}
      <Table<IssuedDocument>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={documents.loading}
        pagination={false}
        scroll={{ x: 820 }}
        locale={{ emptyText: '尚未签发文书' }}
        onRow={(doc) => ({ style: doc.supersededBy === null ? undefined : { opacity: 0.6 } })}
        data-testid="case-documents-table"
      />
      <DocumentDrawer
        view={view}
        documents={documents.items}
        open={composing}
        correcting={correcting}
        initialType={composeType}
        onClose={close}
        onIssued={(doc) => {
          close();
          documents.reload();
          onIssued?.(doc);
        }}
      />
    </div>
  );
}
