import { createPortal } from 'react-dom';
import type { IssuedDocument } from '../../api/caseDocuments';
import type { CaseView } from '../../api/cases';
import { formatTime } from '../../format';
import './casePrint.css';
import { stageLabel, yuan } from './caseLabels';
import { DocumentsPrintTable } from './documents/CaseDocumentsRecord';
import { type StepNames, stepLines } from './stepLines';

/** Prints the record: the portal becomes the only thing on paper while `case-printing` is set. */
export function printCaseRecord(): void {
  const root = document.documentElement;
  root.classList.add('case-printing');
  const done = () => {
    root.classList.remove('case-printing');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

export interface CasePrintProps {
  view: CaseView;
  names: StepNames;
  who: (userId: string) => string;
  /** The case's issued documents, oldest first: a table after the steps. */
  documents?: readonly IssuedDocument[];
}

/** 执法全过程记录 as a paper form: the case, then every step in order with its full text, then the documents issued. */
export function CasePrint({ view, names, who, documents = [] }: CasePrintProps) {
  return createPortal(
    <div className="case-print-root" aria-hidden="true">
      <h1>行政执法全过程记录</h1>
      <table>
        <tbody>
          <tr>
            <th style={{ width: '16%' }}>案件编号</th>
            <td>{view.caseNo}</td>
            <th style={{ width: '16%' }}>阶段</th>
            <td>{stageLabel(view.stage)}</td>
          </tr>
          <tr>
            <th>案由</th>
            <td colSpan={3}>{view.title}</td>
          </tr>
          <tr>
            <th>执法事项</th>
            <td colSpan={3}>
              {view.itemCode} {view.data.itemName}(第 {view.data.itemVersionNo} 版)
            </td>
          </tr>
          <tr>
            <th>当事人</th>
            <td colSpan={3}>{view.parties.map((p) => `${p.name}(${p.idNo})`).join('、')}</td>
          </tr>
          <tr>
            <th>执法人员</th>
            <td colSpan={3}>{view.officers.map((o) => `${o.name}(${o.certificateNo})`).join('、') || '—'}</td>
          </tr>
        </tbody>
      </table>
      <table style={{ marginTop: '8pt' }}>
        <thead>
          <tr>
            <th style={{ width: '6%' }}>序号</th>
            <th style={{ width: '13%' }}>日期</th>
            <th style={{ width: '15%' }}>环节</th>
            <th style={{ width: '11%' }}>办理人</th>
            <th>记录</th>
            <th style={{ width: '9%' }}>账本序号</th>
          </tr>
        </thead>
        <tbody>
          {view.steps.map((step) => (
            <tr key={step.seq}>
              <td>{step.seq}</td>
              <td>{step.performedOn}</td>
              <td>{step.actionLabel}</td>
              <td>{who(step.createdBy)}</td>
              <td className="case-print-note">
                {stepLines(step, names)
                  .map((l) => `${l.label}:${l.text}`)
                  .join('\n')}
              </td>
              <td>{step.ledgerIndex ?? '—'}</td>
            </tr>
          ))}
          {view.payments.map((p) => (
            <tr key={p.receiptNo}>
              <td />
              <td>{p.paidOn}</td>
              <td>罚款缴纳</td>
              <td />
              <td>
                缴款凭证 {p.receiptNo},{yuan(p.amountYuan)}
              </td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <DocumentsPrintTable documents={documents} />
      <p>账本序号是各环节记入执法记录账本(防篡改日志)的位置,可在本机关门户「执法记录完整性」页面据此核验。</p>
      <p>打印时间:{formatTime(new Date().toISOString())}</p>
    </div>,
    document.body,
  );
}
