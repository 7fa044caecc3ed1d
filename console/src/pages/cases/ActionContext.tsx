import { Alert } from 'antd';
import type { CaseView } from '../../api/cases';
import { fineRemaining } from './actionValues';
import { yuan } from './caseLabels';

const openDeadline = (view: CaseView, kind: string) => view.data.deadlines.find((d) => d.kind === kind && d.closedOn === null);

/** The facts fixed earlier that an action depends on, in a sentence; null when there is nothing to say. */
export function actionContextText(action: string, view: CaseView): string | null {
  const { data } = view;
  switch (action) {
    case 'decide': {
      const period = data.deadlines.find((d) => d.kind === 'hearingRequest');
      if (data.notice?.rightsWaived) return '当事人已书面放弃陈述、申辩和听证。';
      const statements = data.statements?.length ?? 0;
      const told = statements > 0 ? `已记录陈述、申辩及复核 ${statements} 次。` : '';
      return period ? `陈述申辩、申请听证期限至 ${period.due ?? '(待定)'} 届满,期满后方可作出决定。${told}` : told || null;
    }
    case 'statement': {
      const period = openDeadline(view, 'hearingRequest');
      const before = data.statements?.length ?? 0;
      const parts = [
        period ? `陈述、申辩期限至 ${period.due ?? '(待定)'} 届满。` : '',
        before > 0 ? `本案已记录 ${before} 次陈述、申辩;可以多次记录。` : '',
      ];
      return parts.join('') || null;
    }
    case 'dispose_preserved': {
      const open = data.preservations?.find((p) => p.disposedOn === null);
      const due = data.deadlines.find((d) => d.kind === 'preservationDecision' && d.ref === open?.seq && d.closedOn === null)?.due;
      return open ? `处理 ${open.preservedOn} 先行登记保存的证据(处理期限 ${due ?? '待定'}):${open.items}` : null;
    }
    case 'defer_payment': {
      const payment = openDeadline(view, 'payment');
      return `${payment ? `${payment.label}至 ${payment.due ?? '(待定)'};` : ''}尚欠罚款 ${yuan(fineRemaining(view))}。`;
    }
    case 'urge': {
      const payment = openDeadline(view, 'payment');
      return payment ? `${payment.label}为 ${payment.due ?? '(待定)'};期限届满后仍未缴纳的方可催告。` : null;
    }
    case 'apply_enforcement': {
      const urge = data.urges?.at(-1);
      return urge
        ? `催告书于 ${urge.service.servedOn} 送达,催告期限至 ${urge.dueOn ?? '(待定)'} 届满;届满后当事人仍未履行的,方可申请。`
        : null;
    }
    default:
      return null;
  }
}

export function ActionContext({ action, view }: { action: string; view: CaseView }) {
  const text = actionContextText(action, view);
  if (!text) return null;
  return <Alert type="info" showIcon title={text} style={{ marginBottom: 12 }} data-testid="case-action-context" />;
}
