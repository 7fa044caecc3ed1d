import { Descriptions, Divider, Flex, Form, Input, InputNumber, Switch, Tag, Typography } from 'antd';
import type { PartSource, ProfilePart, UnitProfile } from '../../api/documentSettings';
import { PART_FIELDS, PART_HINTS, PART_LABELS, partValues } from './profileForm';

/** Where a part comes from, as a tag: 本单位设置 (green), 沿用「上级」 (blue) or 未设置. */
export function SourceTag({ source, unitId }: { source: PartSource | null; unitId: string }) {
  // Long unit names wrap instead of widening narrow tables.
  const style = { whiteSpace: 'normal', marginInlineEnd: 0 } as const;
  if (!source) return <Tag style={style}>未设置</Tag>;
  if (source.unitId === unitId)
    return (
      <Tag color="green" style={style}>
        本单位设置
      </Tag>
    );
  return (
    <Tag color="blue" style={style}>
      沿用「{source.unitName}」
    </Tag>
  );
}

interface EditProps {
  part: ProfilePart;
  /** Whether the unit sets this part itself (the switch's value). */
  own: boolean;
  /** What the part would be without the unit's own: its parent's effective part and where that comes from. */
  inheritedFrom: PartSource | null;
  isRoot: boolean;
  onOwnChange: (own: boolean) => void;
}

/** One part of the form: a switch 本单位单独设置, then its fields (read-only while inherited). */
export function ProfilePartFields({ part, own, inheritedFrom, isRoot, onOwnChange }: EditProps) {
  const inheritedText = inheritedFrom
    ? `未单独设置时沿用「${inheritedFrom.unitName}」的设置(下方所示)`
    : isRoot
      ? '未设置时,签发文书时由执法人员填写'
      : '上级单位也未设置;未设置时,签发文书时由执法人员填写';
  return (
    <>
      <Divider titlePlacement="start">
        <Typography.Text strong>{PART_LABELS[part]}</Typography.Text>
      </Divider>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Form.Item name={['own', part]} valuePropName="checked" noStyle>
          <Switch onChange={onOwnChange} data-testid={`profile-own-${part}`} />
        </Form.Item>
        <Typography.Text>{isRoot ? '设置' : '本单位单独设置'}</Typography.Text>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {PART_HINTS[part]}。{own ? '' : inheritedText}
      </Typography.Paragraph>
      {(own || inheritedFrom) &&
        PART_FIELDS[part].map((field) => (
          <Form.Item key={field.key} name={[part, field.key]} label={field.label}>
            {field.kind === 'days' ? (
              <InputNumber
                min={1}
                max={99}
                precision={0}
                placeholder={field.placeholder}
                disabled={!own}
                style={{ width: '100%' }}
                data-testid={`profile-field-${part}-${field.key}`}
              />
            ) : (
              <Input
                maxLength={field.max}
                placeholder={own ? field.placeholder : undefined}
                disabled={!own}
                data-testid={`profile-field-${part}-${field.key}`}
              />
            )}
          </Form.Item>
        ))}
    </>
  );
}

/** One part, read-only: its effective values and where they come from. */
export function ProfilePartView({
  part,
  profile,
  source,
  unitId,
}: {
  part: ProfilePart;
  profile: UnitProfile;
  source: PartSource | null;
  unitId: string;
}) {
  const values = partValues(profile, part);
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      style={{ marginBottom: 16 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      title={PART_LABELS[part]}
      extra={<SourceTag source={source} unitId={unitId} />}
      items={PART_FIELDS[part].map((field) => {
        const v = values[field.key];
        return { key: field.key, label: field.label, children: v === undefined || v === null || v === '' ? '—' : String(v) };
      })}
    />
  );
}
