import { Flex, Select, Tag } from 'antd';
import type { DocumentType, DocumentTypeInfo, IssuedDocument } from '../../../api/caseDocuments';
import type { CaseView } from '../../../api/cases';
import { typeOptionGroups } from './documentSuggestions';

export interface DocumentTypeSelectProps {
  types: readonly DocumentTypeInfo[];
  view: CaseView;
  documents: readonly IssuedDocument[];
  value: DocumentType | undefined;
  onChange: (type: DocumentType) => void;
  disabled?: boolean;
  loading?: boolean;
}

/** 文书种类: the ones fitting the case's stage first, every type selectable; types already issued are marked. */
export function DocumentTypeSelect({ types, view, documents, value, onChange, disabled, loading }: DocumentTypeSelectProps) {
  const groups = typeOptionGroups(types, view, documents);
  const issued = new Set<string | number>(groups.flatMap((g) => g.options.filter((o) => o.issued).map((o) => o.value)));
  return (
    <Select<DocumentType>
      value={value}
      onChange={onChange}
      options={groups}
      disabled={disabled}
      loading={loading}
      placeholder="请选择要制作的文书"
      showSearch={{ optionFilterProp: 'label' }}
      // Fifteen types: all rendered, so every one can be found on the page (no virtual scrolling).
      virtual={false}
      listHeight={400}
      style={{ width: '100%' }}
      optionRender={(option) => (
        <Flex justify="space-between" align="center" gap={8}>
          <span>{option.label}</span>
          {option.value !== undefined && issued.has(option.value) && <Tag variant="filled">已签发</Tag>}
        </Flex>
      )}
      data-testid="case-document-type"
    />
  );
}
