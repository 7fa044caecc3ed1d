import { Alert, Card, Col, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import type { IssuedDocument } from '../../api/caseDocuments';
import { getCase } from '../../api/cases';
import type { RoundView } from '../../api/reviews';
import { useAsync } from '../../hooks/useAsync';
import { useMe } from '../../session/SessionContext';
import { CasePrint, printCaseRecord } from '../cases/CasePrint';
import { CaseTimeline } from '../cases/CaseTimeline';
import type { StepNames } from '../cases/stepLines';
import { evidenceLabel, useCaseEvidence } from '../cases/useCaseEvidence';
import { useOfficerDirectory } from '../cases/useOfficerDirectory';
import { PreChecksList } from './PreChecksList';

export interface ReviewCaseRecordProps {
  caseId: string;
  round: RoundView;
  documents: readonly IssuedDocument[];
}

/**
 * The round's automatic pre-checks and the catalogue rules that made the case major, beside the case's
 * 全过程记录 as it stands now (the case page's own timeline, opinion documents included).
 */
export function ReviewCaseRecord({ caseId, round, documents }: ReviewCaseRecordProps) {
  const me = useMe();
  const load = useCallback(() => getCase(caseId), [caseId]);
  const loaded = useAsync(load);
  const directory = useOfficerDirectory();
  const evidence = useCaseEvidence(caseId);
  const view = loaded.data;

  const names = useMemo<StepNames>(
    () => ({
      officer: (id) => view?.officers.find((o) => o.officerId === id)?.name ?? directory.officerName(id),
      evidence: (id) => evidenceLabel(evidence.items, id),
      document: (id) => documents.find((d) => d.id === id)?.title,
    }),
    [view, directory, evidence.items, documents],
  );
  const who = useCallback(
    (userId: string) => {
      if (userId.startsWith('system:')) return '系统';
      return directory.userName(userId) ?? (userId === me.user.id ? me.user.displayName : `用户 ${userId.slice(0, 8)}`);
    },
    [directory, me.user.id, me.user.displayName],
  );
  const rules = round.package.determination.rules;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card size="small" title={`自动预审(第 ${round.roundNo} 轮报送时)`} style={{ marginBottom: 12 }}>
          <PreChecksList checks={round.package.preChecks} />
        </Card>
        {rules.length > 0 && (
          <Card size="small" title="适用的法制审核目录条目">
            <Flex vertical gap={6}>
              {rules.map((r) => (
                <div key={r.code}>
                  <Tag>{r.code}</Tag>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  <div>{r.explanation}</div>
                </div>
              ))}
            </Flex>
          </Card>
        )}
      </Col>
      <Col xs={24} lg={15}>
        {loaded.error && loaded.error.status !== 401 && <Alert type="error" showIcon title={loaded.error.message} />}
        {!view && !loaded.error && <Skeleton active />}
        {view && (
          <>
            <CaseTimeline view={view} names={names} who={who} documents={documents} onPrint={printCaseRecord} />
            <CasePrint view={view} names={names} who={who} documents={documents} />
          </>
        )}
      </Col>
    </Row>
  );
}
