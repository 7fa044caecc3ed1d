import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';

const MAX_SOURCES = 10;

/**
 * The public randomness sources, announced before they exist: each a list of numbers published later
 * (a lottery draw), read in the order listed here.
 */
export function SourcesField() {
  return (
    <>
      <Typography.Title level={5}>公开随机源</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        公告时写明抽取所用的、在抽取日期前后才公开产生的号码(如福利彩票开奖号码),抽取时按此录入;号码在公告后才产生,任何人都无法事先预知或挑选抽取结果。
        例如:「2026年12月1日 双色球第2026139期开奖号码(红球)」「2026年12月1日 双色球第2026139期开奖号码(蓝球)」。
      </Typography.Paragraph>
      <Form.List
        name="sources"
        rules={[
          {
            validator: async (_, sources: unknown[] | undefined) => {
              if (!sources || sources.length === 0) throw new Error('请至少写明一个公开随机源');
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 8 }}
                title={`随机源 ${index + 1}`}
                extra={
                  fields.length > 1 && (
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除">
                      删除
                    </Button>
                  )
                }
              >
                <Form.Item
                  label="名称"
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: '请写明随机源名称' }]}
                >
                  <Input
                    maxLength={200}
                    placeholder="2026年12月1日 双色球第2026139期开奖号码(红球)"
                    data-testid={`plan-source-name-${index}`}
                  />
                </Form.Item>
                <Form.Item label="说明" name={[field.name, 'description']} style={{ marginBottom: 0 }}>
                  <Input.TextArea
                    autoSize={{ minRows: 1 }}
                    maxLength={1000}
                    placeholder="在哪里公布、何时公布、录入哪些号码(如:中国福利彩票官方网站公布的 6 个红球号码)"
                    data-testid={`plan-source-description-${index}`}
                  />
                </Form.Item>
              </Card>
            ))}
            {fields.length < MAX_SOURCES && (
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', description: '' })}
                data-testid="plan-source-add"
              >
                添加随机源
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </>
  );
}
