import { Alert, App, Badge, Divider, Drawer, Grid, Skeleton, Tabs } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { DocumentType, IssuedDocument } from '../../api/caseDocuments';
import { type CaseView, getCase, type NextAction } from '../../api/cases';
import { useAsync } from '../../hooks/useAsync';
import { useCan, useMe } from '../../session/SessionContext';
import { CaseReviewSection } from '../reviews/CaseReviewSection';
import { ActionDrawer } from './ActionDrawer';
import { CaseAccessLog } from './CaseAccessLog';
import { CaseHeader } from './CaseHeader';
import { OfficersSection, PartiesSection } from './CasePeople';
import { CasePrint, printCaseRecord } from './CasePrint';
import { CaseTimeline } from './CaseTimeline';
import { beijingToday, deadlineState } from './caseDates';
import { PAYMENT_STAGES, SERVED_DOCUMENTS } from './caseLabels';
import { DeadlinesSection } from './DeadlinesSection';
import { DecisionSection } from './DecisionSection';
import { CaseDocumentsTab, type ComposeRequest } from './documents/CaseDocumentsTab';
import { useCaseDocuments } from './documents/useCaseDocuments';
import { NextActionsBar } from './NextActionsBar';
import { PaymentDrawer } from './PaymentDrawer';
import { PaymentsSection } from './PaymentsSection';
import type { StepNames } from './stepLines';
import { evidenceLabel, useCaseEvidence } from './useCaseEvidence';
import { useOfficerDirectory } from './useOfficerDirectory';

function CaseWorkspace({ view, onUpdated }: { view: CaseView; onUpdated: (updated: CaseView, what: string) => void }) {
  const me = useMe();
  const can = useCan();
  const today = beijingToday();
  const directory = useOfficerDirectory();
  const evidence = useCaseEvidence(view.id);
  const documents = useCaseDocuments(view.id);
  const [action, setAction] = useState<NextAction | null>(null);
  const [paying, setPaying] = useState(false);
  const [tab, setTab] = useState('parties');
  const [compose, setCompose] = useState<ComposeRequest | null>(null);
  // A service form that sent the person to issue its document first, reopened once that is issued.
  const [resume, setResume] = useState<NextAction | null>(null);

  const issueFirst = (type: DocumentType) => {
    setResume(action);
    setAction(null);
    setTab('documents');
    setCompose({ type, key: Date.now() });
  };
  const issued = (doc: IssuedDocument) => {
    const stillNext = resume && view.nextActions.some((a) => a.action === resume.action);
    if (resume && stillNext && (SERVED_DOCUMENTS[resume.action] ?? []).includes(doc.type)) setAction(resume);
    setResume(null);
  };

  const names = useMemo<StepNames>(
    () => ({
      officer: (id) => view.officers.find((o) => o.officerId === id)?.name ?? directory.officerName(id),
      evidence: (id) => evidenceLabel(evidence.items, id),
      document: (id) => documents.items.find((d) => d.id === id)?.title,
    }),
    [view.officers, directory, evidence.items, documents.items],
  );
  const who = useCallback(
    (userId: string) => {
      if (userId.startsWith('system:')) return '系统';
      return directory.userName(userId) ?? (userId === me.user.id ? me.user.displayName : `用户 ${userId.slice(0, 8)}`);
    },
    [directory, me.user.id, me.user.displayName],
  );
  const personName = useCallback(
    (userId: string) => directory.userName(userId) ?? (userId === me.user.id ? me.user.displayName : undefined),
    [directory, me.user.id, me.user.displayName],
  );
  // A review step changes the case (its review state) and may add a document (the opinion).
  const reviewChanged = (what: string) => {
    documents.reload();
    getCase(view.id).then(
      (updated) => onUpdated(updated, what),
      () => undefined,
    );
  };
  const overdue = view.data.deadlines.filter(
    (d) => d.closedOn === null && d.due !== null && deadlineState(d.due, today).urgency === 'overdue',
  ).length;

  return (
    <>
      <CaseHeader view={view} today={today} />
      <Divider titlePlacement="start" style={{ margin: '12px 0' }}>
        下一步
      </Divider>
      <NextActionsBar
        actions={view.nextActions}
        paymentOpen={PAYMENT_STAGES.includes(view.stage)}
        onAction={setAction}
        onPayment={() => setPaying(true)}
      />
      <Tabs
        style={{ marginTop: 12 }}
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'parties', label: '当事人', children: <PartiesSection parties={view.parties} /> },
          { key: 'officers', label: '执法人员', children: <OfficersSection officers={view.officers} /> },
          {
            key: 'deadlines',
            label: (
              <Badge count={overdue} size="small" offset={[6, -2]}>
                期限
              </Badge>
            ),
            children: <DeadlinesSection deadlines={view.data.deadlines} today={today} />,
          },
          { key: 'decision', label: '告知与决定', children: <DecisionSection data={view.data} documents={documents.items} /> },
          {
            key: 'review',
            label: (
              <Badge dot={view.data.review.required && !view.data.review.cleared} offset={[4, 0]}>
                <span data-testid="case-tab-review">法制审核</span>
              </Badge>
            ),
            children: <CaseReviewSection view={view} documents={documents.items} evidence={evidence.items} onChanged={reviewChanged} />,
          },
          { key: 'payments', label: '缴款', children: <PaymentsSection view={view} today={today} /> },
          {
            key: 'documents',
            label: <span data-testid="case-tab-documents">执法文书</span>,
            children: <CaseDocumentsTab view={view} documents={documents} request={compose} onIssued={issued} />,
          },
          {
            key: 'timeline',
            label: <span data-testid="case-tab-timeline">全过程记录</span>,
            children: <CaseTimeline view={view} names={names} who={who} documents={documents.items} onPrint={printCaseRecord} />,
          },
          ...(can('case.access_log')
            ? [
                {
                  key: 'access',
                  label: <span data-testid="case-tab-access">调阅记录</span>,
                  children: <CaseAccessLog caseId={view.id} personName={personName} />,
                },
              ]
            : []),
        ]}
      />
      <CasePrint view={view} names={names} who={who} documents={documents.items} />
      <ActionDrawer
        view={view}
        action={action}
        officerOptions={directory.options}
        evidence={evidence}
        documents={documents.items}
        onIssueDocument={issueFirst}
        onClose={() => setAction(null)}
        onDone={(updated) => {
          const label = action?.label ?? '';
          setAction(null);
          evidence.reload();
          onUpdated(updated, label);
        }}
      />
      <PaymentDrawer
        view={view}
        open={paying}
        onClose={() => setPaying(false)}
        onDone={(updated) => {
          setPaying(false);
          onUpdated(updated, '登记缴款');
        }}
      />
    </>
  );
}

/** Keyed by id, so switching cases never shows the previous one's data. */
function CaseDrawerBody({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { message } = App.useApp();
  const load = useCallback(() => getCase(caseId), [caseId]);
  const loaded = useAsync(load);
  // What an action answered is the case as it now stands: shown at once, without another request.
  const [latest, setLatest] = useState<CaseView | null>(null);
  const view = latest ?? loaded.data;

  if (loaded.error) return loaded.error.status === 401 ? null : <Alert type="error" showIcon title={loaded.error.message} />;
  if (!view) return <Skeleton active />;
  return (
    <CaseWorkspace
      view={view}
      onUpdated={(updated, what) => {
        setLatest(updated);
        message.success(`已办理:${what}`);
        onChanged();
      }}
    />
  );
}

export interface CaseDrawerProps {
  caseId: string | null;
  onClose: () => void;
  /** A step or payment changed the case: the list refreshes its row. */
  onChanged: () => void;
}

export function CaseDrawer({ caseId, onClose, onChanged }: CaseDrawerProps) {
  // Phones: the whole screen, so the officer's field steps have room.
  const compact = Grid.useBreakpoint().md === false;
  return (
    <Drawer open={caseId !== null} onClose={onClose} title="案件详情" size={compact ? '100%' : 960} destroyOnHidden>
      {caseId && <CaseDrawerBody key={caseId} caseId={caseId} onChanged={onChanged} />}
    </Drawer>
  );
}
