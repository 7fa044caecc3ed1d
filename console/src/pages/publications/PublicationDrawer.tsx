import { Alert, App, Drawer, Grid, Skeleton, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import { getPublication, type PublicationView } from '../../api/publications';
import { beijingToday } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { PublicationActions } from './PublicationActions';
import { PublicationHeader } from './PublicationHeader';
import { PublicationHistory } from './PublicationHistory';
import { RedactionWorkspace } from './RedactionWorkspace';
import { VersionsList } from './VersionsList';

function PublicationWorkspace({ view, onUpdated }: { view: PublicationView; onUpdated: (next: PublicationView, what: string) => void }) {
  const editable = view.draft !== null && (view.state === 'draft' || view.state === 'published');
  return (
    <>
      <PublicationHeader view={view} today={beijingToday()} />
      <PublicationActions view={view} onUpdated={onUpdated} />
      <Tabs
        style={{ marginTop: 8 }}
        defaultActiveKey={editable ? 'redaction' : 'versions'}
        items={[
          ...(editable && view.draft
            ? [
                {
                  key: 'redaction',
                  label: <span data-testid="publication-tab-redaction">{view.state === 'published' ? '更正' : '个人信息处理与公开'}</span>,
                  // Keyed by the text's hash: a changed text starts a fresh review rather than keep stale offsets.
                  children: <RedactionWorkspace key={view.draft.textSha256} view={view} draft={view.draft} onUpdated={onUpdated} />,
                },
              ]
            : []),
          {
            key: 'versions',
            label: <span data-testid="publication-tab-versions">已公开版本({view.versions.length})</span>,
            children: <VersionsList view={view} />,
          },
          {
            key: 'history',
            label: <span data-testid="publication-tab-history">办理记录</span>,
            children: <PublicationHistory view={view} />,
          },
        ]}
      />
    </>
  );
}

/** Keyed by id, so switching publications never shows the previous one's data. */
function PublicationDrawerBody({ publicationId, onChanged }: { publicationId: string; onChanged: () => void }) {
  const { message } = App.useApp();
  const load = useCallback(() => getPublication(publicationId), [publicationId]);
  const loaded = useAsync(load);
  const [latest, setLatest] = useState<PublicationView | null>(null);
  const view = latest ?? loaded.data;

  if (loaded.error) {
    return loaded.error.status === 401 ? null : <Alert type="error" showIcon title={`${loaded.error.message}(${loaded.error.code})`} />;
  }
  if (!view) return <Skeleton active />;
  return (
    <PublicationWorkspace
      view={view}
      onUpdated={(next, what) => {
        setLatest(next);
        message.success(what);
        onChanged();
      }}
    />
  );
}

export interface PublicationDrawerProps {
  publicationId: string | null;
  onClose: () => void;
  /** The publication changed: the queue refreshes. */
  onChanged: () => void;
}

export function PublicationDrawer({ publicationId, onClose, onChanged }: PublicationDrawerProps) {
  const compact = Grid.useBreakpoint().md === false;
  return (
    <Drawer open={publicationId !== null} onClose={onClose} title="事后公开" size={compact ? '100%' : 1200} destroyOnHidden>
      <div data-testid="publication-drawer">
        {publicationId && <PublicationDrawerBody key={publicationId} publicationId={publicationId} onChanged={onChanged} />}
      </div>
    </Drawer>
  );
}
