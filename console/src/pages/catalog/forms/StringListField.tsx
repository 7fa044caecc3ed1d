import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Typography } from 'antd';
import { RowButtons } from './ListRowCard';
import { atLeastOne, requiredText } from './rules';

export interface StringListFieldProps {
  name: string;
  label: string;
  /** What one entry is called (材料, 职责 …). */
  itemLabel: string;
  maxLength: number;
  /** At least one entry. */
  required?: boolean;
  multiline?: boolean;
  testId?: string;
}

/** A list of texts (申请材料, 岗位职责), one per row; order is kept and can be changed. */
export function StringListField({ name, label, itemLabel, maxLength, required, multiline, testId }: StringListFieldProps) {
  return (
    <Form.Item label={label} required={required}>
      <Form.List name={name} rules={required ? [atLeastOne(`请填写至少一项${itemLabel}`)] : undefined}>
        {(fields, { add, remove, move }, { errors }) => (
          <div data-testid={testId}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start">
                <Typography.Text type="secondary" style={{ width: 24, lineHeight: '32px', flex: 'none' }}>
                  {index + 1}.
                </Typography.Text>
                <Form.Item name={field.name} rules={requiredText(`请填写${itemLabel}或删除该行`)} style={{ flex: 1, marginBottom: 12 }}>
                  {multiline ? (
                    <Input.TextArea maxLength={maxLength} autoSize={{ minRows: 1, maxRows: 6 }} />
                  ) : (
                    <Input maxLength={maxLength} />
                  )}
                </Form.Item>
                <div style={{ paddingTop: 4, flex: 'none' }}>
                  <RowButtons
                    index={index}
                    count={fields.length}
                    onMove={move}
                    onRemove={required && fields.length === 1 ? undefined : () => remove(field.name)}
                  />
                </div>
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add('')}>
              添加{itemLabel}
            </Button>
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}
