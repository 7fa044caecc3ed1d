import { EditOutlined, ExportOutlined, EyeOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import {
  type CatalogEntry,
  type CatalogKind,
  type CatalogVersion,
  createCatalogVersion,
  publishCatalogVersion,
} from '../../../api/catalog';
import { useErrorMessage } from '../../../hooks/useErrorMessage';
import { KIND_META, previewUrl } from '../catalogKinds';

export interface VersionActionsProps {
  kind: CatalogKind;
  entry: CatalogEntry;
  version: CatalogVersion;
  editable: boolean;
  /** Open the draft in the form. */
  onEdit: (version: CatalogVersion) => void;
  /** Something changed on the server: re-read the entry (and select this version). */
  onChanged: (selectVersionId: string) => void;
}

/** 新建版本, 编辑草稿, 发布 (editors), 预览公示页 and, for the current version, its public page. */
export function VersionActions({ kind, entry, version, editable, onEdit, onChanged }: VersionActionsProps) {
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [busy, setBusy] = useState<'new' | 'publish' | null>(null);
  const meta = KIND_META[kind];
  const isDraft = version.status === 'draft';

  const newVersion = async () => {
    setBusy('new');
    try {
      const created = await createCatalogVersion(kind, entry.id);
      message.success(`已新建第 ${created.versionNo} 版草稿(复制自现行版本)`);
      onChanged(created.id);
      onEdit(created);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    setBusy('publish');
    try {
      const published = await publishCatalogVersion(kind, entry.id, version.id);
      message.success(`已发布 ${entry.code} 第 ${published.versionNo} 版,现为现行版本`);
      onChanged(published.id);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space wrap size={8} data-testid="catalog-version-actions">
      {editable && entry.draftVersionId === null && (
        <Button icon={<PlusOutlined />} loading={busy === 'new'} onClick={newVersion} data-testid="catalog-new-version">
          新建版本
        </Button>
      )}
      {editable && isDraft && (
        <Button icon={<EditOutlined />} onClick={() => onEdit(version)} data-testid="catalog-edit-draft">
          编辑草稿
        </Button>
      )}
      {editable && isDraft && (
        <Popconfirm
          title={`发布第 ${version.versionNo} 版`}
          description={
            <div style={{ maxWidth: 320 }}>
              发布后该版本即成为现行版本并向社会公示{entry.currentVersionId ? ',原现行版本转为历史版本' : ''}。
              <b>已发布的版本永远不能再修改</b>,如需变更只能新建版本。
            </div>
          }
          okText="确认发布"
          cancelText="取消"
          onConfirm={publish}
          okButtonProps={{ 'data-testid': 'catalog-publish-confirm' }}
        >
          <Button type="primary" icon={<SendOutlined />} loading={busy === 'publish'} data-testid="catalog-publish">
            发布
          </Button>
        </Popconfirm>
      )}
      <Button
        icon={<EyeOutlined />}
        href={previewUrl(kind, entry.code, version.id)}
        target="_blank"
        rel="noopener"
        data-testid="catalog-preview"
      >
        预览公示页
      </Button>
      {version.status === 'published' && (
        <Button
          type="link"
          icon={<ExportOutlined />}
          href={meta.publicUrl(entry.code)}
          target="_blank"
          rel="noopener"
          data-testid="catalog-public-link"
        >
          查看公示页
        </Button>
      )}
    </Space>
  );
}
