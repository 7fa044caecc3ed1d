import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Select } from 'antd';
import { useState } from 'react';
import type { Evidence } from '../../api/evidence';
import { useCan } from '../../session/SessionContext';
import { KIND_LABELS } from '../evidence/evidenceLabels';
import { UploadEvidenceModal } from '../evidence/UploadEvidenceModal';

export interface EvidenceFieldProps {
  caseId: string;
  caseNo: string;
  evidence: readonly Evidence[];
  loading: boolean;
  onUploaded: () => void;
}

/** Evidence of this step: picked from the case's evidence (or an id pasted), or uploaded here and picked at once. */
export function EvidenceField({ caseId, caseNo, evidence, loading, onUploaded }: EvidenceFieldProps) {
  const { message } = App.useApp();
  const can = useCan();
  const form = Form.useFormInstance();
  const [uploading, setUploading] = useState(false);
  return (
    <>
      <Form.Item label="证据(录音、录像、照片、文书)">
        <Flex gap={8} vertical>
          <Form.Item name="evidenceIds" noStyle>
            <Select
              mode="tags"
              loading={loading}
              placeholder="选择本案证据,或粘贴证据编号"
              options={evidence.map((e) => ({ value: e.id, label: `${KIND_LABELS[e.kind]} · ${e.filename}` }))}
              showSearch={{ optionFilterProp: 'label' }}
              tokenSeparators={[',', ',', ' ']}
              data-testid="case-evidence"
            />
          </Form.Item>
          {can('evidence.upload') && (
            <Button icon={<UploadOutlined />} onClick={() => setUploading(true)} data-testid="case-evidence-upload">
              上传证据
            </Button>
          )}
        </Flex>
      </Form.Item>
      <UploadEvidenceModal
        open={uploading}
        forCase={{ id: caseId, caseNo }}
        onClose={() => setUploading(false)}
        onUploaded={(id, filename) => {
          setUploading(false);
          message.success(`已上传:${filename}`);
          onUploaded();
          if (id) {
            const current: unknown = form.getFieldValue('evidenceIds');
            const ids = Array.isArray(current) ? current.filter((x): x is string => typeof x === 'string') : [];
            form.setFieldValue('evidenceIds', [...new Set([...ids, id])]);
          }
        }}
      />
    </>
  );
}
