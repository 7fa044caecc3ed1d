import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AccessGrant, Evidence } from '../../api/evidence';
import { formatTime } from '../../format';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { MediaView } from './MediaView';
import { PurposeModal } from './PurposeModal';

export interface EvidenceViewerProps {
  evidence: Evidence;
  /** Called after each granted access, so the 调阅记录 can refresh. */
  onAccessed: () => void;
}

/** 查看: asks for a 30-minute grant (a recorded 调阅), then shows the content through the grant's URL. */
export function EvidenceViewer({ evidence, onAccessed }: EvidenceViewerProps) {
  const showError = useErrorMessage();
  const [asking, setAsking] = useState(false);
  const [grant, setGrant] = useState<AccessGrant | null>(null);
  const [failed, setFailed] = useState(false);
  const [expired, setExpired] = useState(false);

  // Once the grant runs out, links to the content stop working: say so rather than let them fail.
  useEffect(() => {
    if (!grant) return;
    const timer = window.setTimeout(() => setExpired(true), Math.max(0, Date.parse(grant.expiresAt) - Date.now()));
    return () => window.clearTimeout(timer);
  }, [grant]);

  const granted = (next: AccessGrant) => {
    setAsking(false);
    setGrant(next);
    setFailed(false);
    setExpired(false);
    onAccessed();
  };

  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<EyeOutlined />} onClick={() => setAsking(true)} data-testid="evidence-view">
          {grant ? '重新调阅' : '查看'}
        </Button>
        {grant && !expired && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            本次调阅有效至 {formatTime(grant.expiresAt)}
          </Typography.Text>
        )}
      </Flex>
      {grant && (failed || expired) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={expired ? '本次调阅已过期(有效期 30 分钟)' : '无法加载文件内容'}
          description={
            expired
              ? '已显示的内容仍可浏览;如需继续播放、下载或重新加载,请重新调阅。'
              : '调阅授权可能已过期(有效期 30 分钟),或浏览器不支持该格式。可重新调阅,或下载后用其他软件打开。'
          }
          action={
            <Button size="small" onClick={() => setAsking(true)}>
              重新调阅
            </Button>
          }
          data-testid="evidence-view-failed"
        />
      )}
      {/* Kept on screen after expiry: what is already shown stays readable; only new requests would fail. */}
      {grant && (
        <MediaView key={grant.grant} evidence={evidence} contentUrl={grant.contentUrl} expired={expired} onError={() => setFailed(true)} />
      )}
      <PurposeModal evidence={evidence} open={asking} onClose={() => setAsking(false)} onGranted={granted} onError={showError} />
    </div>
  );
}
