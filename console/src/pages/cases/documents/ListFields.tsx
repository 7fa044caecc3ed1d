import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Flex, Form, Input } from 'antd';
import type { DocumentType } from '../../../api/caseDocuments';
import { options } from '../caseLabels';

/** Who speaks in each kind of 笔录; the first is where a new record starts. */
const SPEAKERS: Partial<Record<DocumentType, readonly string[]>> = {
  inquiry_record: ['问', '答'],
  inspection_record: ['检查情况', '问', '答'],
  hearing_record: ['主持人', '调查人员', '当事人', '委托代理人', '听证员'],
};

/** The next line's speaker: question and answer take turns in an 询问笔录. */
function nextSpeaker(type: DocumentType, last: string | undefined): string {
  const speakers = SPEAKERS[type] ?? ['问', '答'];
  if (type === 'inquiry_record') return last === '问' ? '答' : '问';
  return last ?? speakers[0] ?? '';
}

/** A 笔录's lines, in order: who spoke (问, 答, 检查情况, 主持人 …; may be left empty) and what was said or seen. */
export function RecordLinesField({ type, label, required }: { type: DocumentType; label: string; required: boolean }) {
  const form = Form.useFormInstance();
  const speakers = SPEAKERS[type] ?? ['问', '答'];
  return (
    <Form.Item label={label} required={required} tooltip="每行一段:说话人(可空)及内容,按先后顺序">
      <Form.List name={['record', 'lines']}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item name={[field.name, 'speaker']} noStyle>
                  <AutoComplete
                    options={options(speakers)}
                    style={{ width: 120, flex: 'none' }}
                    placeholder="说话人"
                    maxLength={20}
                    data-testid={`case-document-line-speaker-${index}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'text']} noStyle>
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 8 }}
                    maxLength={5000}
                    placeholder="内容"
                    data-testid={`case-document-line-text-${index}`}
                  />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label="删除此行" onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => {
                const lines: unknown = form.getFieldValue(['record', 'lines']);
                const last = Array.isArray(lines) ? (lines[lines.length - 1] as { speaker?: string } | undefined)?.speaker : undefined;
                add({ speaker: nextSpeaker(type, last), text: '' });
              }}
              data-testid="case-document-line-add"
            >
              添加一行
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** 责令（处理）事项: one item each, printed as 一、…；二、…. */
export function OrdersField({ label, required }: { label: string; required: boolean }) {
  return (
    <Form.Item label={label} required={required}>
      <Form.List name={['orders']}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item name={field.name} noStyle>
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 6 }}
                    maxLength={2000}
                    placeholder={`第 ${index + 1} 项`}
                    data-testid={`case-document-order-${index}`}
                  />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label="删除此项" onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} data-testid="case-document-order-add">
              添加一项
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
