import { Alert, App, Button, Drawer, Flex, Form, Grid, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  type DocumentData,
  type DocumentType,
  type IssuedDocument,
  issueCaseDocument,
  previewCaseDocument,
} from '../../../api/caseDocuments';
import type { CaseView } from '../../../api/cases';
import { DocumentFields } from './DocumentFields';
import { DocumentPreview } from './DocumentPreview';
import { type Problem, ProblemAlert, problemOf } from './DocumentProblem';
import { DocumentTypeSelect } from './DocumentTypeSelect';
import { fieldSpecs } from './documentFields';
import { REPEATABLE_TYPES } from './documentSuggestions';
import { initialValues, servedDocumentLabel, toDocumentData } from './documentValues';
import { useDocumentTypes, useUnitProfile } from './useCaseDocuments';

export interface DocumentDrawerProps {
  view: CaseView;
  documents: readonly IssuedDocument[];
  open: boolean;
  /** 更正: the issued document the new one replaces (its type is fixed). */
  correcting: IssuedDocument | null;
  /** The type chosen at the start (another part of the case asked for this document). */
  initialType?: DocumentType;
  onClose: () => void;
  onIssued: (doc: IssuedDocument) => void;
}

/** 制作文书: choose a type, fill what the case cannot say, preview the server's rendering, issue. */
export function DocumentDrawer({ view, documents, open, correcting, initialType, onClose, onIssued }: DocumentDrawerProps) {
  const compact = Grid.useBreakpoint().md === false;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={
        <span>
          {correcting ? `更正《${correcting.title}》` : '制作文书'}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
            {view.caseNo}
          </Typography.Text>
        </span>
      }
      size={compact ? '100%' : 880}
      destroyOnHidden
    >
      {open && (
        <Composer
          view={view}
          documents={documents}
          correcting={correcting}
          initialType={initialType}
          compact={compact}
          onClose={onClose}
          onIssued={onIssued}
        />
      )}
    </Drawer>
  );
}

interface ComposerProps extends Omit<DocumentDrawerProps, 'open'> {
  compact: boolean;
}

function Composer({ view, documents, correcting, initialType, compact, onClose, onIssued }: ComposerProps) {
  const { message } = App.useApp();
  const types = useDocumentTypes();
  const profile = useUnitProfile(view.unitId);
  const [form] = Form.useForm<DocumentData>();
  const [type, setType] = useState<DocumentType | undefined>(correcting?.type ?? initialType);
  const [html, setHtml] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState<'preview' | 'issue' | null>(null);
  // A correction's (or a requested) type is there from the start, with its values; otherwise choosing a type sets them.
  const [startValues] = useState<DocumentData>(() => (type ? initialValues(type, view, documents) : {}));
  const previewRef = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);

  const info = types.data?.find((t) => t.code === type);
  const specs = useMemo(() => (info ? fieldSpecs(info) : []), [info]);
  // Issuing a second one of most types is a mistake: a wrong document is corrected, not issued again.
  const inForce =
    correcting || !type || REPEATABLE_TYPES.includes(type) ? [] : documents.filter((d) => d.type === type && d.supersededBy === null);

  useEffect(() => {
    if (html) previewRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [html]);
  useEffect(() => {
    if (problem) problemRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [problem]);

  const choose = (next: DocumentType) => {
    setType(next);
    setHtml(null);
    setProblem(null);
    form.resetFields();
    form.setFieldsValue(initialValues(next, view, documents));
  };

  const preview = async () => {
    if (!type) return;
    setBusy('preview');
    setProblem(null);
    try {
      setHtml((await previewCaseDocument(view.id, type, toDocumentData(form.getFieldsValue()))).html);
    } catch (error) {
      setProblem(problemOf('未能预览', error));
    } finally {
      setBusy(null);
    }
  };

  const issue = async () => {
    if (!type) return;
    const data = toDocumentData(form.getFieldsValue());
    setBusy('issue');
    setProblem(null);
    try {
      const doc = await issueCaseDocument(view.id, { type, data, ...(correcting ? { supersedesId: correcting.id } : {}) });
      message.success(`已签发《${doc.title}》${doc.number ? `(${doc.number})` : ''}${doc.version > 1 ? ` 第 ${doc.version} 版` : ''}`);
      onIssued(doc);
    } catch (error) {
      setProblem(problemOf('未能签发', error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex vertical gap={12} style={{ minHeight: '100%' }}>
      {correcting ? (
        <Alert
          type="warning"
          showIcon
          title={`更正 ${servedDocumentLabel(correcting)} 第 ${correcting.version} 版`}
          description={`签发后生成第 ${correcting.version + 1} 版,沿用原文号并在正文首段注明所更正的文书,原文书同时作废。原文书中补充填写的内容不会带入,请重新填写。`}
        />
      ) : (
        <Alert type="info" showIcon title="文书内容由案件数据生成,这里只填写案件中没有的内容。签发后编号、存证,不可修改,只能更正。" />
      )}
      <div>
        <Typography.Text strong>文书种类</Typography.Text>
        <div style={{ marginTop: 6 }}>
          <DocumentTypeSelect
            types={types.data ?? []}
            view={view}
            documents={documents}
            value={type}
            onChange={choose}
            disabled={correcting !== null}
            loading={types.loading}
          />
        </div>
        {types.error && <Alert type="error" showIcon title={types.error.message} style={{ marginTop: 8 }} />}
      </div>
      {inForce.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`本案已签发${inForce.map(servedDocumentLabel).join('、')}`}
          description={`再次签发将生成另一份文书${info?.numbered ? '并另编文号' : ''};如需修改已签发的文书,请在列表中点「更正」。`}
          data-testid="case-document-already-issued"
        />
      )}
      <Form<DocumentData> form={form} layout="vertical" name="caseDocument" initialValues={startValues} component="div">
        {type && specs.length === 0 && <Typography.Paragraph type="secondary">这种文书的内容全部取自案件,无需补充。</Typography.Paragraph>}
        {type && <DocumentFields type={type} specs={specs} documents={documents} profile={profile} compact={compact} />}
      </Form>
      {html && (
        <div ref={previewRef}>
          <Typography.Text strong>预览</Typography.Text>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            文号在签发时生成;空白处为尚缺的内容
          </Typography.Text>
          <div style={{ marginTop: 6 }}>
            <DocumentPreview html={html} title={info?.title ?? '文书'} />
          </div>
        </div>
      )}
      <div style={{ flex: 1 }} />
      <Flex vertical gap={8} style={{ position: 'sticky', bottom: 0, background: 'var(--ant-color-bg-elevated, #fff)', paddingTop: 8 }}>
        {problem && (
          <div ref={problemRef}>
            <ProblemAlert problem={problem} />
          </div>
        )}
        <Flex justify="end" gap={8} wrap>
          <Button onClick={onClose} data-testid="case-document-cancel">
            取消
          </Button>
          <Button
            onClick={() => void preview()}
            loading={busy === 'preview'}
            disabled={!type || busy === 'issue'}
            data-testid="case-document-preview"
          >
            预览
          </Button>
          <Button
            type="primary"
            onClick={() => void issue()}
            loading={busy === 'issue'}
            disabled={!type || busy === 'preview'}
            data-testid="case-document-issue"
          >
            签发
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}
