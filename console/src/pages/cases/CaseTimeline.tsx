import { PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { IssuedDocument } from '../../api/caseDocuments';
import type { CaseView } from '../../api/cases';
import { formatTime } from '../../format';
import { stageColor, stageLabel } from './caseLabels';
import { DocumentsTimeline } from './documents/CaseDocumentsRecord';
import { ledgerText, type StepLine, type StepNames, stepLines } from './stepLines';

function LineText({ line, evidenceName }: { line: StepLine; evidenceName: (id: string) => string }) {
  if (line.evidenceIds) {
    return (
      <Flex wrap gap={8} component="span" style={{ display: 'inline-flex', verticalAlign: 'top' }}>
        {line.evidenceIds.map((id) => (
          <Typography.Link key={id} href={`/console/evidence?id=${encodeURIComponent(id)}`} target="_blank" rel="noopener">
            {evidenceName(id)}
          </Typography.Link>
        ))}
      </Flex>
    );
  }
  return (
    <Typography.Text type={line.exception ? 'danger' : undefined} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {line.text}
    </Typography.Text>
  );
}

export interface CaseTimelineProps {
  view: CaseView;
  names: StepNames;
  /** 姓名 of the account that recorded a step. */
  who: (userId: string) => string;
  /** The case's issued documents, oldest first: listed after the steps. */
  documents?: readonly IssuedDocument[];
  onPrint: () => void;
}

/** 全过程记录: every step in order — what, when, who, the text record, officers, evidence, exceptions. */
export function CaseTimeline({ view, names, who, documents = [], onPrint }: CaseTimelineProps) {
  return (
    <div data-testid="case-timeline">
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button icon={<PrinterOutlined />} onClick={onPrint} disabled={view.steps.length === 0} data-testid="case-print">
          打印全过程记录
        </Button>
      </Flex>
      {view.steps.length === 0 ? (
        <Empty description="尚无办理记录" />
      ) : (
        <Timeline
          items={view.steps.map((step) => ({
            key: step.seq,
            color: stepLines(step, names).some((l) => l.exception) ? 'red' : 'blue',
            content: (
              <div data-testid={`case-step-${step.seq}`}>
                <Flex wrap gap={8} align="center">
                  <Typography.Text strong>
                    {step.seq}. {step.actionLabel}
                  </Typography.Text>
                  <Typography.Text>{step.performedOn}</Typography.Text>
                  <Tag color={stageColor(step.stageAfter)}>{stageLabel(step.stageAfter)}</Tag>
                  {ledgerText(step) && (
                    <Tooltip title="该环节在执法记录账本中的序号,可据此在「执法记录完整性」中核验(取包含证明)">
                      <Tag variant="outlined" data-testid="case-step-ledger">
                        {ledgerText(step)}
                      </Tag>
                    </Tooltip>
                  )}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {who(step.createdBy)} · 录入于 {formatTime(step.createdAt)}
                </Typography.Text>
                {stepLines(step, names).map((line) => (
                  <div key={line.label} style={{ marginTop: 4 }}>
                    <Typography.Text type="secondary">{line.label}:</Typography.Text>
                    <LineText line={line} evidenceName={names.evidence} />
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      )}
      <DocumentsTimeline documents={documents} />
    </div>
  );
}
