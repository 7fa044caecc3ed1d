import { Button, Descriptions, Flex, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
// The report's lines are the server's own (pure) list, so console, portal and workbook read alike.
import { lineText, REPORT_LINES } from '../../../../src/modules/annual-reports/rows';
import type { Counts, ReportView, UnitView } from '../../api/annual-reports';
import { confirmUnitFigures, returnUnitFigures } from '../../api/annual-reports';
import { ReasonModal } from '../../components/ReasonModal';
import { formatTime } from '../../format';
import { useErrorMessage } from '../../hooks/useErrorMessage';

const STATE_COLORS: Readonly<Record<string, string>> = { pending: 'gold', confirmed: 'green', returned: 'red' };

/** Every line of a unit's (or the total's) figures, for the expanded row and the total card. */
export function CountsList({ counts }: { counts: Counts }) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={REPORT_LINES.map((line) => ({ key: line.key, label: line.label, children: lineText(line, counts) }))}
    />
  );
}

interface Props {
  report: ReportView;
  onChanged: (view: ReportView) => void;
}

/**
 * Each unit's figures and where its confirmation stands; the unit head confirms the figures shown (their
 * hash goes with the request, so figures recomputed meanwhile are refused) or returns them with a reason.
 */
export function UnitFiguresTable({ report, onChanged }: Props) {
  const showError = useErrorMessage();
  const [confirming, setConfirming] = useState<UnitView | null>(null);
  const [returning, setReturning] = useState<UnitView | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (!confirming) return;
    setBusy(true);
    try {
      onChanged(await confirmUnitFigures(report.year, confirming.unitId, confirming.figuresSha256, note));
      setConfirming(null);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Table<UnitView>
        rowKey="unitId"
        size="small"
        pagination={false}
        data-testid="annual-report-units"
        scroll={{ x: 900 }}
        expandable={{ expandedRowRender: (u) => <CountsList counts={u.counts} /> }}
        dataSource={report.units}
        locale={{ emptyText: '本年度没有单位产生执法数据' }}
        columns={[
          { title: '单位', dataIndex: 'unitName', fixed: 'left', width: 160 },
          {
            title: '确认情况',
            key: 'state',
            width: 150,
            render: (_, u) => (
              <Flex vertical gap={2}>
                <span>
                  <Tag color={STATE_COLORS[u.state]}>{u.stateLabel}</Tag>
                  {u.overdue && <Tag color="red">已逾期</Tag>}
                </span>
                {u.decidedByName && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {u.decidedByName} {formatTime(u.decidedAt)}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          { title: '案源登记', key: 'received', render: (_, u) => u.counts.received },
          { title: '作出决定', key: 'decisions', render: (_, u) => u.counts.decisions },
          { title: '罚款(元)', key: 'fine', render: (_, u) => u.counts.fineYuan.toLocaleString('zh-CN') },
          { title: '举行听证', key: 'hearings', render: (_, u) => u.counts.hearingsHeld },
          { title: '法制审核', key: 'reviews', render: (_, u) => u.counts.reviews },
          { title: '公开/撤回', key: 'published', render: (_, u) => `${u.counts.published}/${u.counts.withdrawn}` },
          {
            title: '说明',
            key: 'note',
            render: (_, u) => (u.returnReason ? <Typography.Text type="danger">退回:{u.returnReason}</Typography.Text> : (u.note ?? '')),
          },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            width: 140,
            render: (_, u) =>
              u.canConfirm && (
                <Flex gap={4}>
                  {u.state !== 'confirmed' && (
                    <Button
                      size="small"
                      type="primary"
                      data-testid={`confirm-${u.unitId}`}
                      onClick={() => {
                        setNote('');
                        setConfirming(u);
                      }}
                    >
                      确认
                    </Button>
                  )}
                  {u.state !== 'returned' && (
                    <Button size="small" danger data-testid={`return-${u.unitId}`} onClick={() => setReturning(u)}>
                      退回
                    </Button>
                  )}
                </Flex>
              ),
          },
        ]}
      />
      <Modal
        open={confirming !== null}
        title={`确认${confirming?.unitName ?? ''}的统计数据`}
        okText="确认无误"
        confirmLoading={busy}
        onOk={() => void confirm()}
        onCancel={() => setConfirming(null)}
        okButtonProps={{ 'data-testid': 'confirm-unit-submit' }}
        destroyOnHidden
      >
        {confirming && <CountsList counts={confirming.counts} />}
        <Typography.Paragraph type="secondary">请与本单位执法台账核对上列数据。确认期限:{report.confirmDueOn}。</Typography.Paragraph>
        <Input.TextArea rows={2} maxLength={1000} placeholder="说明(可不填)" value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
      <ReasonModal
        open={returning !== null}
        title={`退回${returning?.unitName ?? ''}的统计数据`}
        label="退回理由"
        hint="写明哪项数据与本单位记录不符;政策法规科核实记录后重新计算,再由本单位确认。"
        okText="退回"
        testId="return-unit"
        onCancel={() => setReturning(null)}
        onSubmit={async (reason) => {
          if (!returning) return;
          onChanged(await returnUnitFigures(report.year, returning.unitId, reason));
          setReturning(null);
        }}
      />
    </>
  );
}
