import { Alert, Col, Form, Input, Row, Select } from 'antd';
import { useCallback } from 'react';
import { listItemBenchmarks } from '../../api/cases';
import { useAsync } from '../../hooks/useAsync';
import { caseRange, tierRangeText, withinRange } from './benchmarkTiers';
import { yuan } from './caseLabels';

/** What the entered fine means against the chosen tier, before the server decides. */
function RangeHint({ range, fine }: { range: [number, number] | null | undefined; fine: number }) {
  if (range === undefined) return <Alert type="info" showIcon title="该阶次按人或按倍数计算罚款,请先填写计算基数" />;
  const text = range === null ? '该阶次不处罚款' : `本案幅度 ${yuan(range[0])}–${yuan(range[1])}`;
  if (withinRange(range, fine)) return <Alert type="success" showIcon title={`${text},拟处罚款在幅度内`} />;
  return <Alert type="warning" showIcon title={`${text},拟处罚款不在幅度内:须写明偏离理由,案件将报送法制审核`} />;
}

/** 裁量基准 of the case's item and its tier (each with its range and conditions), and a departure reason. */
export function BenchmarkFields({ itemCode }: { itemCode: string }) {
  const load = useCallback(() => listItemBenchmarks(itemCode), [itemCode]);
  const benchmarks = useAsync(load);
  const code = Form.useWatch<string | undefined>('benchmarkCode');
  const tierNo = Form.useWatch<number | undefined>('tierNo');
  const fine = Form.useWatch<number | null | undefined>('fineYuan') ?? 0;
  const basis = Form.useWatch<number | null | undefined>('basisQuantity');
  const types = Form.useWatch<string[] | undefined>('penaltyTypes') ?? [];
  const chosen = benchmarks.data?.items.find((b) => b.code === code);
  const tier = tierNo === undefined ? undefined : chosen?.tiers[tierNo - 1];
  const form = Form.useFormInstance();

  return (
    <Row gutter={12}>
      <Col xs={24}>
        <Form.Item
          label="裁量基准"
          name="benchmarkCode"
          rules={[{ required: true, message: '行政处罚须选择适用的裁量基准' }]}
          help={benchmarks.error?.message}
          validateStatus={benchmarks.error ? 'error' : undefined}
        >
          <Select
            loading={benchmarks.loading}
            placeholder="请选择本事项的裁量基准"
            options={(benchmarks.data?.items ?? []).map((b) => ({ value: b.code, label: `${b.code} ${b.name}` }))}
            onChange={() => form.setFieldValue('tierNo', undefined)}
            notFoundContent="本事项没有现行的裁量基准"
            data-testid="case-benchmark"
            optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label="裁量阶次" name="tierNo" rules={[{ required: true, message: '请选择裁量阶次' }]}>
          <Select
            disabled={!chosen}
            placeholder={chosen ? '请选择' : '先选择裁量基准'}
            options={(chosen?.tiers ?? []).map((t, i) => ({
              value: i + 1,
              label: `第 ${i + 1} 阶次 ${t.level}:${tierRangeText(t)}`,
              title: t.conditions,
            }))}
            optionRender={(o) => (
              <div style={{ whiteSpace: 'normal' }}>
                <div>{o.label}</div>
                <div style={{ fontSize: 12, opacity: 0.65 }}>{o.data.title}</div>
              </div>
            )}
            data-testid="case-tier"
          />
        </Form.Item>
      </Col>
      {tier && (
        <Col xs={24} style={{ marginBottom: 12 }}>
          <RangeHint range={caseRange(tier, basis)} fine={types.includes('罚款') ? fine : 0} />
        </Col>
      )}
      <Col xs={24}>
        <Form.Item label="偏离裁量基准的理由" name="departureReason" tooltip="拟处罚款不在该阶次幅度内时必填,并将报送法制审核">
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="case-departure" />
        </Form.Item>
      </Col>
    </Row>
  );
}
