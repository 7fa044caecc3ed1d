import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row } from 'antd';
import { emptyBasis } from '../catalogData';
import { ListRowCard } from './ListRowCard';
import { atLeastOne, requiredText } from './rules';

/** 法律依据 (or 违法依据, 处罚依据): law, article and the article's text; at least one. */
export function LegalBasesField({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item label={label} required>
      <Form.List name={name} rules={[atLeastOne(`请填写至少一项${label}`)]}>
        {(fields, { add, remove, move }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <ListRowCard
                key={field.key}
                title={`${label} ${index + 1}`}
                index={index}
                count={fields.length}
                onMove={move}
                onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
              >
                <Row gutter={12}>
                  <Col xs={24} sm={14}>
                    <Form.Item label="法律法规名称" name={[field.name, 'law']} rules={requiredText('请输入法律法规名称')}>
                      <Input maxLength={100} placeholder="如:劳动保障监察条例" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={10}>
                    <Form.Item label="条款" name={[field.name, 'article']} rules={requiredText('请输入条款')}>
                      <Input maxLength={100} placeholder="如:第二十六条" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item label="条文内容" name={[field.name, 'text']} style={{ marginBottom: 0 }}>
                  <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 8 }} />
                </Form.Item>
              </ListRowCard>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(emptyBasis())}>
              添加{label}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
