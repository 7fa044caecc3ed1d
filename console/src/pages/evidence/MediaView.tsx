import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { Evidence } from '../../api/evidence';

const MEDIA_STYLE = { display: 'block', maxWidth: '100%', maxHeight: '70vh', margin: '0 auto' } as const;

export interface MediaViewProps {
  evidence: Pick<Evidence, 'filename' | 'mediaType'>;
  contentUrl: string;
  /** The grant has run out: links would only fetch a refusal, so they are disabled. */
  expired: boolean;
  /** The grant expired (30 minutes), was refused, or the browser cannot play the format. */
  onError: () => void;
}

/** Shows the content inline where browsers can (images, audio, video, PDF); everything else is a download. */
export function MediaView({ evidence, contentUrl, expired, onError }: MediaViewProps) {
  const type = evidence.mediaType.toLowerCase();
  const download = (
    <Button href={contentUrl} download={evidence.filename} disabled={expired} icon={<DownloadOutlined />} data-testid="evidence-download">
      下载
    </Button>
  );

  if (type.startsWith('image/')) {
    return <img src={contentUrl} alt={evidence.filename} style={MEDIA_STYLE} onError={onError} data-testid="evidence-media" />;
  }
  if (type.startsWith('audio/')) {
    // biome-ignore lint/a11y/useMediaCaption: recorded evidence has no caption track.
    return <audio controls preload="metadata" src={contentUrl} style={{ width: '100%' }} onError={onError} data-testid="evidence-media" />;
  }
  if (type.startsWith('video/')) {
    // biome-ignore lint/a11y/useMediaCaption: recorded evidence has no caption track.
    return <video controls preload="metadata" src={contentUrl} style={MEDIA_STYLE} onError={onError} data-testid="evidence-media" />;
  }
  if (type === 'application/pdf') {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <iframe
          src={contentUrl}
          title={evidence.filename}
          style={{ width: '100%', height: '70vh', border: 0 }}
          data-testid="evidence-media"
        />
        <Space wrap>
          <Button href={contentUrl} target="_blank" rel="noopener" disabled={expired} icon={<ExportOutlined />}>
            在新窗口打开
          </Button>
          {download}
        </Space>
      </Space>
    );
  }
  return download;
}
