import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row } from 'antd';
import { ListRowCard } from './ListRowCard';
import { atLeastOne, requiredText } from './rules';

/** Unique step names: the AV list and the flowchart refer to steps by name. */
const uniqueNames = {
  validator: async (_rule: unknown, value: unknown): Promise<void> => {
    if (!Array.isArray(value)) return;
    const names = value
      .map((s: { name?: unknown } | undefined) => (typeof s?.name === 'string' ? s.name.trim() : ''))
      .filter((n) => n !== '');
    if (new Set(names).size !== names.length) throw new Error('办理环节名称不能重复');
  },
};

/** 办理流程: the ordered steps, each with its 承办岗位 and 时限; 上移 / 下移 change the order. */
export function ItemStepsField() {
  return (
    <Form.Item label="办理流程(按办理顺序)" required>
      <Form.List name="steps" rules={[atLeastOne('请填写至少一个办理环节'), uniqueNames]}>
        {(fields, { add, remove, move }, { errors }) => (
          <div data-testid="catalog-steps">
            {fields.map((field, index) => (
              <ListRowCard
                key={field.key}
                title={`第 ${index + 1} 步`}
                index={index}
                count={fields.length}
                onMove={move}
                onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
                testId={`catalog-step-${index}`}
              >
                <Row gutter={12}>
                  <Col xs={24} sm={8}>
                    <Form.Item label="环节名称" name={[field.name, 'name']} rules={requiredText('请输入环节名称')}>
                      <Input maxLength={40} placeholder="如:受理" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    <Form.Item label="承办岗位" name={[field.name, 'role']} rules={requiredText('请输入承办岗位')}>
                      <Input maxLength={60} placeholder="如:受理岗" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    <Form.Item label="环节时限" name={[field.name, 'timeLimit']} style={{ marginBottom: 0 }}>
                      <Input maxLength={60} placeholder="如:1 个工作日" />
                    </Form.Item>
                  </Col>
                </Row>
              </ListRowCard>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', role: '', timeLimit: '' })}>
              添加办理环节
            </Button>
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}
