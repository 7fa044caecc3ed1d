import { ArrowLeftOutlined, CheckOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  type EvaluationView,
  type Finding,
  getEvaluation,
  type Score,
  type SheetItemView,
  saveScores,
  submitEvaluation,
} from '../../api/evaluations';
import { apiErrorText, type ErrorText } from '../../components/apiErrorText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { navigate, routes } from '../../router';
import { useCan } from '../../session/SessionContext';
import { EVALUATION_STATE_COLORS, roundUrl } from './evaluationUrls';

type Draft = Record<string, { deduction: number; note: string }>;

const draftOf = (e: EvaluationView): Draft =>
  Object.fromEntries(
    e.sheet.map((i) => [
      i.code,
      { deduction: e.scores.find((s) => s.code === i.code)?.deduction ?? 0, note: e.scores.find((s) => s.code === i.code)?.note ?? '' },
    ]),
  );

const scoresOf = (draft: Draft): Score[] => Object.entries(draft).map(([code, s]) => ({ code, deduction: s.deduction, note: s.note }));

function Findings({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {findings.map((f) => (
        <Typography.Text key={`${f.check}-${f.message}`} style={{ fontSize: 13 }}>
          <Tag color={f.deduction > 0 ? 'orange' : 'blue'}>{f.checkLabel}</Tag>
          {f.message}
          {f.deduction > 0 ? `(建议扣 ${f.deduction} 分)` : '(请核实,不建议扣分)'}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** 评查表 of one sampled file: each item with its points, the automatic findings beside it, the deduction and reason. */
export function EvaluationForm({ id }: { id: string }) {
  const can = useCan();
  const { message } = App.useApp();
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` reloads after saving.
  const load = useCallback(() => getEvaluation(id), [id, generation]);
  const evaluation = useAsync(load);
  const e = evaluation.data;
  const [draft, setDraft] = useState<Draft>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);

  useEffect(() => {
    if (!e) return;
    setDraft(draftOf(e));
    setComment(e.comment);
  }, [e]);

  const editable = !!e && e.state === 'draft' && e.roundState === 'open' && can('archive.evaluate');
  const total = e ? e.sheet.reduce((sum, i) => sum + i.points, 0) : 0;
  const score = total - Object.values(draft).reduce((sum, s) => sum + (s.deduction || 0), 0);

  const run = async (what: 'save' | 'submit') => {
    setBusy(what);
    setError(null);
    try {
      // Submitting sends the form first, so what is submitted is what is on screen.
      await saveScores(id, { scores: scoresOf(draft), comment });
      if (what === 'submit') await submitEvaluation(id);
      message.success(what === 'submit' ? '评查结果已提交' : '草稿已保存');
      setGeneration((g) => g + 1);
    } catch (err) {
      setError(apiErrorText(err));
    } finally {
      setBusy(null);
    }
  };

  const set = (code: string, change: Partial<{ deduction: number; note: string }>) =>
    setDraft((d) => ({ ...d, [code]: { deduction: d[code]?.deduction ?? 0, note: d[code]?.note ?? '', ...change } }));

  const columns: TableColumnsType<SheetItemView> = [
    {
      title: '评查项目',
      key: 'item',
      width: 260,
      render: (_, i) => (
        <Flex vertical>
          <Typography.Text strong>{i.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.criteria}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '分值', dataIndex: 'points', width: 64 },
    {
      title: '自动检查发现',
      key: 'findings',
      render: (_, i) => <Findings findings={(e?.findings ?? []).filter((f) => f.itemCode === i.code)} />,
    },
    {
      title: '扣分',
      key: 'deduction',
      width: 110,
      render: (_, i) => (
        <InputNumber
          min={0}
          max={i.points}
          step={0.5}
          value={draft[i.code]?.deduction ?? 0}
          disabled={!editable}
          onChange={(v) => set(i.code, { deduction: v ?? 0 })}
          aria-label={`${i.title}扣分`}
          data-testid={`deduction-${i.code}`}
        />
      ),
    },
    {
      title: '扣分理由',
      key: 'note',
      width: 300,
      render: (_, i) => {
        const s = draft[i.code];
        const missing = editable && (s?.deduction ?? 0) > 0 && (s?.note.trim() ?? '') === '';
        return (
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            value={s?.note ?? ''}
            disabled={!editable}
            status={missing ? 'error' : undefined}
            placeholder={missing ? '扣分须写明理由' : ''}
            onChange={(ev) => set(i.code, { note: ev.target.value })}
            data-testid={`note-${i.code}`}
          />
        );
      },
    },
  ];

  if (!e) {
    return (
      <Card title="案卷评查表">
        <ErrorAlert error={evaluation.error ? apiErrorText(evaluation.error) : null} testId="evaluation-error" />
        {evaluation.loading && <Spin />}
      </Card>
    );
  }
  return (
    <Card
      title={
        <Flex align="center" gap={8} wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(roundUrl(e.roundId))}>
            {e.roundTitle}
          </Button>
          <span>案卷评查表 · {e.archiveNo}</span>
          <Tag color={EVALUATION_STATE_COLORS[e.state]}>{e.stateLabel}</Tag>
        </Flex>
      }
    >
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'case',
            label: '案件',
            children: can('case.list') ? (
              <Typography.Link href={`${routes.cases}?id=${encodeURIComponent(e.caseId)}`} target="_blank" rel="noopener">
                {e.caseNo} {e.title}
              </Typography.Link>
            ) : (
              `${e.caseNo} ${e.title}`
            ),
          },
          { key: 'unit', label: '单位', children: e.unitName },
          { key: 'officers', label: '执法人员', children: e.officerNames.join('、') || '—' },
          {
            key: 'score',
            label: '得分',
            children: (
              <Typography.Text strong data-testid="evaluation-score">
                {score}
              </Typography.Text>
            ),
          },
          ...(e.reviewerName ? [{ key: 'reviewer', label: '评查人', children: `${e.reviewerName} · ${formatTime(e.submittedAt)}` }] : []),
        ]}
      />
      {e.state === 'draft' && e.findings.length > 0 && (
        <Alert type="info" showIcon style={{ marginTop: 12 }} title="自动检查发现的问题已预填为扣分,请逐项核实后修改或保留。" />
      )}
      <Table<SheetItemView>
        rowKey="code"
        size="small"
        style={{ marginTop: 12 }}
        columns={columns}
        dataSource={e.sheet}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="evaluation-items"
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        总体评查意见
      </Typography.Title>
      <Input.TextArea
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
        value={comment}
        disabled={!editable}
        onChange={(ev) => setComment(ev.target.value)}
        data-testid="evaluation-comment"
      />
      <ErrorAlert error={error} testId="evaluation-save-error" />
      {editable && (
        <Flex gap={8} justify="end" style={{ marginTop: 12 }}>
          <Button
            icon={<SaveOutlined />}
            loading={busy === 'save'}
            disabled={busy !== null}
            onClick={() => void run('save')}
            data-testid="evaluation-save"
          >
            保存草稿
          </Button>
          <Popconfirm
            title="提交评查结果"
            description="提交后不能再修改。"
            okText="提交"
            cancelText="取消"
            onConfirm={() => void run('submit')}
          >
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={busy === 'submit'}
              disabled={busy !== null}
              data-testid="evaluation-submit"
            >
              提交({score} 分)
            </Button>
          </Popconfirm>
        </Flex>
      )}
    </Card>
  );
}
