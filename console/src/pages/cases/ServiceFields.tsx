import { Alert, Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import type { DocumentType, IssuedDocument } from '../../api/caseDocuments';
import type { CaseView } from '../../api/cases';
import type { Evidence } from '../../api/evidence';
import { KIND_LABELS } from '../evidence/evidenceLabels';
import { documentTitle, options, PUBLICATION_DAYS, SERVED_DOCUMENTS, SERVICE_METHODS } from './caseLabels';

/**
 * The documents a service step may serve: the case's issued ones in force of the step's types, in the
 * server's order of preference (SERVED_DOCUMENTS), newest first within a type. The first is the default.
 */
export function servedCandidates(action: string, documents: readonly IssuedDocument[]): IssuedDocument[] {
  const types = SERVED_DOCUMENTS[action] ?? [];
  return documents
    .filter((d) => d.supersededBy === null && types.includes(d.type))
    .sort((a, b) => types.indexOf(a.type) - types.indexOf(b.type) || b.issuedAt.localeCompare(a.issuedAt));
}

/** The document to issue first when none is: the 当场行政处罚决定书 for 简易程序, else the step's first type. */
export function documentToIssue(action: string, view: CaseView): DocumentType | null {
  if (action === 'serve_decision' && view.procedure === 'simple') return 'on_the_spot_decision';
  const first = SERVED_DOCUMENTS[action]?.[0];
  return (first as DocumentType | undefined) ?? null;
}

const documentLabel = (d: IssuedDocument): string => `《${d.title}》${d.number ?? '(无文号)'} · ${d.documentDate}`;

const plusDays = (day: Dayjs, n: number): string => day.add(n, 'day').format('YYYY-MM-DD');

export interface ServiceFieldsProps {
  action: string;
  view: CaseView;
  documents: readonly IssuedDocument[];
  evidence: readonly Evidence[];
  /** No document to serve yet: go and issue this one (the 执法文书 tab). */
  onIssueDocument: (type: DocumentType) => void;
}

/**
 * 送达: the issued document served (default the latest in force), the method and the recipient; for
 * 电子送达 the party's signed 送达地址确认书 among the case's evidence; for 公告送达 the day it is deemed served.
 */
export function ServiceFields({ action, view, documents, evidence, onIssueDocument }: ServiceFieldsProps) {
  const form = Form.useFormInstance();
  const method = Form.useWatch<string | undefined>('serviceMethod');
  const performedOn = Form.useWatch<Dayjs | undefined>('performedOn');
  const documentId = Form.useWatch<string | undefined>('documentId');
  const candidates = useMemo(() => servedCandidates(action, documents), [action, documents]);
  const toIssue = documentToIssue(action, view);
  const types = (SERVED_DOCUMENTS[action] ?? []).map((t) => `《${documentTitle(t)}》`).join('或');

  // The list may arrive (or grow, after issuing) while the form is open: keep a valid choice selected.
  useEffect(() => {
    const first = candidates[0];
    if (first && !candidates.some((d) => d.id === documentId)) form.setFieldValue('documentId', first.id);
  }, [candidates, documentId, form]);

  return (
    <Row gutter={12}>
      {candidates.length === 0 && toIssue && (
        <Col xs={24}>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`请先签发《${documentTitle(toIssue)}》`}
            description={`送达登记须对应本案已签发的${types}。签发后回到本表单,文书自动选上。`}
            action={
              <Button size="small" type="primary" onClick={() => onIssueDocument(toIssue)} data-testid="case-service-issue-document">
                去签发
              </Button>
            }
            data-testid="case-service-document-missing"
          />
        </Col>
      )}
      <Col xs={24}>
        <Form.Item label="送达的文书" name="documentId" rules={[{ required: true, message: `请先签发${types}` }]}>
          <Select
            disabled={candidates.length === 0}
            placeholder="本案尚未签发相应文书"
            options={candidates.map((d) => ({ value: d.id, label: documentLabel(d) }))}
            optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
            data-testid="case-service-document"
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="送达方式" name="serviceMethod" rules={[{ required: true, message: '请选择送达方式' }]}>
          <Select options={options(SERVICE_METHODS)} data-testid="case-service-method" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="受送达人" name="recipient" rules={[{ required: true, whitespace: true, message: '请填写受送达人' }]}>
          <Input maxLength={100} data-testid="case-recipient" />
        </Form.Item>
      </Col>
      {method === '电子送达' && (
        <Col xs={24}>
          <Form.Item
            label="送达地址确认书(当事人同意电子送达)"
            name="consentEvidenceId"
            rules={[{ required: true, message: '电子送达须经当事人同意并签订送达地址确认书,请选择' }]}
            extra="从本案证据中选择当事人签署的送达地址确认书;尚未上传的,请先用下方「上传证据」上传到本案。"
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择本案证据"
              options={evidence.map((e) => ({ value: e.id, label: `${KIND_LABELS[e.kind]} · ${e.filename}` }))}
              notFoundContent="本案尚无证据"
              data-testid="case-service-consent"
            />
          </Form.Item>
        </Col>
      )}
      <Col xs={24}>
        {method === '公告送达' ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`公告送达:自公告之日起经过 ${PUBLICATION_DAYS} 日视为送达${performedOn ? `,即 ${plusDays(performedOn, PUBLICATION_DAYS)}` : ''};之后的期限从这一天起算。`}
            description="办理日期填公告之日;请在文字记录中写明受送达人下落不明或者用其他方式无法送达的情况。"
            data-testid="case-service-publication"
          />
        ) : (
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            留置送达须附送达过程的照片或录像。
          </Typography.Paragraph>
        )}
      </Col>
    </Row>
  );
}
