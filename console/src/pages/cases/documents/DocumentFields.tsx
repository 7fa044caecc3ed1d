import { AutoComplete, Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import type { DocumentType, IssuedDocument } from '../../../api/caseDocuments';
import type { UnitProfile } from '../../../api/documentSettings';
import { options, SERVICE_METHODS } from '../caseLabels';
import { type FieldGroup, type FieldSpec, GROUP_TITLES, namePath } from './documentFields';
import { profileValue, servedDocumentLabel } from './documentValues';
import { OrdersField, RecordLinesField } from './ListFields';

const DAY = 'YYYY-MM-DD';
const MINUTE = 'YYYY-MM-DD HH:mm';

/** The server's length limits where they are below the defaults (text 200, long text 2000). */
const MAX: Readonly<Record<string, number>> = {
  'contact.person': 50,
  'contact.phone': 40,
  'payment.account': 64,
  'record.recorder': 50,
  'record.subject.name': 100,
  'record.subject.gender': 10,
  'record.subject.idNumber': 40,
  'record.subject.position': 100,
  'record.subject.phone': 40,
  'service.method': 50,
  'service.recipient': 100,
  'remedies.reconsiderationPeriod': 20,
  'remedies.litigationPeriod': 20,
};

const testId = (path: string) => `case-document-field-${path.replaceAll('.', '-')}`;

/** Date and time pickers hold the server's text form (`YYYY-MM-DD`, `YYYY-MM-DD HH:mm`), so values stay DocumentData. */
const textDate = (format: string) => ({
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' && value !== '' ? dayjs(value, format) : undefined }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format(format) : undefined),
});

interface InputProps {
  spec: FieldSpec;
  compact: boolean;
  servedOptions: { value: string; label: string }[];
  /** What the server prints when the field is left blank (the unit's 文书固定信息), shown as the placeholder. */
  fallback: string | undefined;
}

/** The control itself (not a component of ours: Form.Item hands value, onChange and id to its direct child). */
function control({ spec, compact, servedOptions, fallback }: InputProps): ReactNode {
  const id = testId(spec.path);
  const placeholder = fallback ?? spec.hint;
  switch (spec.kind) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} placeholder={placeholder} data-testid={id} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} inputReadOnly={compact} data-testid={id} />;
    case 'time':
      return (
        <DatePicker showTime={{ format: 'HH:mm' }} format={MINUTE} style={{ width: '100%' }} inputReadOnly={compact} data-testid={id} />
      );
    case 'days':
      return <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} placeholder={placeholder} data-testid={id} />;
    case 'check':
      return <Checkbox data-testid={id}>{spec.label}</Checkbox>;
    case 'serviceMethod':
      return <AutoComplete options={options(SERVICE_METHODS)} maxLength={50} data-testid={id} />;
    case 'servedDocument':
      return <AutoComplete options={servedOptions} maxLength={300} placeholder={spec.hint} data-testid={id} />;
    default:
      return <Input maxLength={MAX[spec.path] ?? 200} placeholder={placeholder} autoComplete="off" data-testid={id} />;
  }
}

function SpecItem({ spec, type, compact, servedOptions, fallback }: InputProps & { type: DocumentType }) {
  if (spec.kind === 'lines') return <RecordLinesField type={type} label={spec.label} required={spec.required} />;
  if (spec.kind === 'orders') return <OrdersField label={spec.label} required={spec.required} />;
  const picker = spec.kind === 'date' ? textDate(DAY) : spec.kind === 'time' ? textDate(MINUTE) : {};
  const check = spec.kind === 'check';
  // Texts and numbers show their hint as the placeholder, unless that shows the value the server falls back to.
  const hintInside = (spec.kind === 'text' || spec.kind === 'textarea' || spec.kind === 'days') && fallback === undefined;
  // The asterisk marks what issuing needs; the server decides (the case may already supply it).
  return (
    <Form.Item
      name={namePath(spec.path)}
      label={check ? undefined : spec.label}
      required={spec.required}
      valuePropName={check ? 'checked' : undefined}
      extra={hintInside ? undefined : spec.hint}
      {...picker}
    >
      {control({ spec, compact, servedOptions, fallback })}
    </Form.Item>
  );
}

const WIDE = new Set<FieldSpec['kind']>(['textarea', 'lines', 'orders', 'servedDocument', 'check']);

export interface DocumentFieldsProps {
  type: DocumentType;
  specs: readonly FieldSpec[];
  documents: readonly IssuedDocument[];
  /** The unit's effective 文书固定信息 (null while loading): its values are the placeholders of the fields it fills. */
  profile: UnitProfile | null;
  compact: boolean;
}

/** The inputs a person fills for one type, under a heading per group. */
export function DocumentFields({ type, specs, documents, profile, compact }: DocumentFieldsProps) {
  const servedOptions = documents
    .filter((d) => d.supersededBy === null)
    .map((d) => servedDocumentLabel(d))
    .map((label) => ({ value: label, label }));
  const groups = new Map<FieldGroup, FieldSpec[]>();
  for (const spec of specs) groups.set(spec.group, [...(groups.get(spec.group) ?? []), spec]);
  const parts: ReactNode[] = [];
  for (const [group, list] of groups) {
    parts.push(
      <div key={group} data-testid={`case-document-group-${group}`}>
        <Divider titlePlacement="start" plain style={{ margin: '8px 0 12px' }}>
          {GROUP_TITLES[group]}
        </Divider>
        <Row gutter={12}>
          {list.map((spec) => (
            <Col key={spec.path} xs={24} sm={WIDE.has(spec.kind) ? 24 : 12}>
              <SpecItem
                spec={spec}
                type={type}
                compact={compact}
                servedOptions={servedOptions}
                fallback={profileValue(profile, spec.path)}
              />
            </Col>
          ))}
        </Row>
      </div>,
    );
  }
  return <>{parts}</>;
}
