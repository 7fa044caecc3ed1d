import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, List, Popconfirm, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { addTraining, listTraining, removeTraining, type TrainingKind } from '../../api/officers';
import { useAsync } from '../../hooks/useAsync';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { TRAINING_KIND_OPTIONS } from './officerLabels';

interface TrainingFormValues {
  kind: TrainingKind;
  date: Dayjs;
  hours: number;
  provider: string;
}

/** 培训记录 of one officer: list, and for `officer.edit` add / remove. */
export function TrainingSection({ officerId, editable }: { officerId: string; editable: boolean }) {
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<TrainingFormValues>();
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const load = useCallback(() => listTraining(officerId), [officerId]);
  const training = useAsync(load);

  const add = async (values: TrainingFormValues) => {
    setSaving(true);
    try {
      const input = { kind: values.kind, date: values.date.format('YYYY-MM-DD'), hours: values.hours, provider: values.provider.trim() };
      await addTraining(officerId, input);
      message.success('已登记培训记录');
      form.resetFields();
      setAdding(false);
      training.reload();
    } catch (err) {
      showError(err);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (trainingId: string) => {
    try {
      await removeTraining(officerId, trainingId);
      message.success('已删除培训记录');
      training.reload();
    } catch (err) {
      showError(err);
    }
  };

  return (
    <>
      <List
        size="small"
        loading={training.loading}
        dataSource={training.data?.items ?? []}
        locale={{ emptyText: training.error?.message ?? '暂无培训记录' }}
        data-testid="training-list"
        renderItem={(t) => (
          <List.Item
            actions={
              editable
                ? [
                    <Popconfirm key="remove" title="删除这条培训记录?" okText="删除" cancelText="取消" onConfirm={() => remove(t.id)}>
                      <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label="删除" />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta title={`${t.kindLabel} · ${t.date} · ${t.hours} 学时`} description={t.provider} />
          </List.Item>
        )}
      />
      {editable && !adding && (
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginTop: 8 }} data-testid="training-add">
          登记培训记录
        </Button>
      )}
      {editable && adding && (
        <Form<TrainingFormValues>
          form={form}
          layout="vertical"
          onFinish={add}
          initialValues={{ kind: 'pre_service' }}
          style={{ marginTop: 12 }}
        >
          <Typography.Text strong>登记培训记录</Typography.Text>
          <Form.Item label="培训类别" name="kind" rules={[{ required: true }]} style={{ marginTop: 8 }}>
            <Select options={TRAINING_KIND_OPTIONS} />
          </Form.Item>
          <Form.Item label="培训日期" name="date" rules={[{ required: true, message: '请选择培训日期' }]}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item label="学时" name="hours" rules={[{ required: true, message: '请输入学时' }]}>
            <InputNumber min={0.5} max={1000} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="培训机构" name="provider" rules={[{ required: true, whitespace: true, message: '请输入培训机构' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="training-submit">
            保存
          </Button>
          <Button style={{ marginLeft: 8 }} onClick={() => setAdding(false)}>
            取消
          </Button>
        </Form>
      )}
    </>
  );
}
