import { Alert, Button, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { PlanFormValues } from './planForm';

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** A fresh 32-byte one-time code and its SHA-256 (of the bytes), made in this browser; null where Web Crypto is unavailable (plain http). */
const canGenerate = (): boolean => window.isSecureContext && typeof crypto !== 'undefined' && crypto.subtle !== undefined;

async function newCode(): Promise<{ code: string; commitment: string } | null> {
  if (!canGenerate()) return null;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return { code: toHex(bytes), commitment: toHex(digest) };
}

/**
 * The one-time code: by default the platform makes it at the announcement, commits to its SHA-256 and
 * reveals it at the draw. A unit may keep its own instead (made here or elsewhere): only the SHA-256 is
 * entered now, the code itself at the draw.
 */
export function CommitmentField() {
  const form = Form.useFormInstance<PlanFormValues>();
  const ownCode = Form.useWatch('ownCode', form);
  const [made, setMade] = useState<string | null>(null);

  const generate = async () => {
    const fresh = await newCode();
    if (!fresh) return;
    form.setFieldValue('commitment', fresh.commitment);
    setMade(fresh.code);
  };

  return (
    <>
      <Typography.Title level={5}>一次性码</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        抽取结果由开奖号码和一次性码共同决定。公告时只公布一次性码的 SHA-256 承诺值,抽取后公布一次性码本身,任何人都可以核对两者相符;
        这样开奖号码公布后,也没有人能在公众之前随意试算。默认由平台生成并保管;如需由本机构自行保管(例如交监督人员当场保管),请勾选并填写承诺值,抽取时须录入一次性码。
      </Typography.Paragraph>
      <Form.Item name="ownCode" valuePropName="checked">
        <Checkbox data-testid="plan-own-code">本机构自行保管一次性码</Checkbox>
      </Form.Item>
      {ownCode && (
        <Form.Item
          label="一次性码的 SHA-256 承诺值"
          name="commitment"
          extra={
            canGenerate() && (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => void generate()}>
                在本机生成一次性码并填入承诺值
              </Button>
            )
          }
          rules={[
            { required: true, message: '请填写承诺值' },
            { pattern: /^[0-9a-fA-F]{64}$/, message: '应为 64 位十六进制(一次性码字节的 SHA-256)' },
          ]}
        >
          <Input maxLength={64} placeholder="64 位十六进制" style={{ fontFamily: 'monospace' }} data-testid="plan-commitment" />
        </Form.Item>
      )}
      <Modal
        open={made !== null}
        title="请妥善保管一次性码"
        onCancel={() => setMade(null)}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={() => setMade(null)}>
            我已记下
          </Button>
        }
      >
        <Typography.Paragraph copyable={{ text: made ?? '' }} code style={{ wordBreak: 'break-all' }}>
          {made}
        </Typography.Paragraph>
        <Alert
          type="warning"
          showIcon
          title="平台不保存此一次性码,关闭后无法再次查看。抽取时须原样录入;遗失则本计划无法抽取,只能取消后另行公告新计划。公告前不得透露给他人。"
        />
      </Modal>
    </>
  );
}
