import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import type { CatalogKind } from '../../api/catalog';
import { CatalogExcelActions } from './CatalogExcelActions';
import { KIND_META } from './catalogKinds';

export interface CatalogToolbarProps {
  kind: CatalogKind;
  editable: boolean;
  /** Selected rows that have a draft. */
  selectedDrafts: number;
  publishing: boolean;
  onPublishDrafts: () => void;
  onCreate: () => void;
  /** After an Excel import (the list is read again). */
  onImported: () => void;
}

/** 批量发布草稿, 导入 / 导出 (执法事项 and 裁量基准) and 新建; write actions only with `catalog.edit`. */
export function CatalogToolbar({ kind, editable, selectedDrafts, publishing, onPublishDrafts, onCreate, onImported }: CatalogToolbarProps) {
  const meta = KIND_META[kind];
  return (
    <Space wrap>
      {editable && (
        <Popconfirm
          title={`发布所选的 ${selectedDrafts} 个草稿`}
          description={
            <div style={{ maxWidth: 320 }}>全部发布或全部不发布。发布后即成为现行版本并向社会公示,已发布的版本永远不能再修改。</div>
          }
          okText="确认发布"
          cancelText="取消"
          disabled={selectedDrafts === 0}
          onConfirm={onPublishDrafts}
          okButtonProps={{ 'data-testid': 'catalog-publish-drafts-confirm' }}
        >
          <Button icon={<SendOutlined />} disabled={selectedDrafts === 0} loading={publishing} data-testid="catalog-publish-drafts">
            批量发布草稿{selectedDrafts > 0 ? `(${selectedDrafts})` : ''}
          </Button>
        </Popconfirm>
      )}
      {(kind === 'items' || kind === 'benchmarks') && <CatalogExcelActions kind={kind} canImport={editable} onImported={onImported} />}
      {editable && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="catalog-new">
          新建{meta.label}
        </Button>
      )}
    </Space>
  );
}
