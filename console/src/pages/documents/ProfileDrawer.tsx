import { Alert, Button, Drawer, Flex, Form, Grid, Skeleton, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client';
import { getUnitProfile, type ProfilePart, setUnitProfile, type UnitProfileView } from '../../api/documentSettings';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/useAsync';
import { ProfilePartFields, ProfilePartView } from './ProfilePartFields';
import { formValues, PARTS, type ProfileFormValues, partValues, toProfile } from './profileForm';

/** The unit the drawer is about (a row of the list). */
export interface ProfileTarget {
  unitId: string;
  unitName: string;
  parentId: string | null;
}

const noParent = async (): Promise<null> => null;

/** The server's message, and its list of problems when it gives one. */
function errorText(err: unknown): { message: string; details: string[] } {
  if (!(err instanceof Error)) return { message: '保存失败,请稍后重试', details: [] };
  const details =
    err instanceof ApiError && Array.isArray(err.details) ? err.details.filter((d): d is string => typeof d === 'string') : [];
  return { message: err.message, details };
}

function ProfileForm({
  target,
  view,
  parent,
  onSaved,
}: {
  target: ProfileTarget;
  view: UnitProfileView;
  parent: UnitProfileView | null;
  onSaved: (v: UnitProfileView) => void;
}) {
  const [form] = Form.useForm<ProfileFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const own = Form.useWatch('own', form) ?? formValues(view).own;

  // Switching a part on starts from what documents print now; switching it off shows what would be inherited.
  const toggle = (part: ProfilePart, on: boolean) => {
    const start = on && view.own?.[part] ? view.own : parent?.effective;
    form.setFieldValue(part, partValues(start, part));
  };

  const submit = async (values: ProfileFormValues) => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await setUnitProfile(target.unitId, toProfile(values)));
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<ProfileFormValues>
      form={form}
      layout="vertical"
      initialValues={formValues(view)}
      onFinish={(v) => void submit(v)}
      data-testid="profile-form"
    >
      {PARTS.map((part) => (
        <ProfilePartFields
          key={part}
          part={part}
          own={own[part]}
          inheritedFrom={parent?.sources[part] ?? null}
          isRoot={target.parentId === null}
          onOwnChange={(on) => toggle(part, on)}
        />
      ))}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.details.length > 1 ? '未能保存' : error.message}
          description={error.details.length > 1 ? error.details.join(';') : undefined}
          style={{ marginBottom: 16 }}
          data-testid="profile-error"
        />
      )}
      <Flex justify="end" gap={8}>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="profile-save">
          保存
        </Button>
      </Flex>
    </Form>
  );
}

function ProfileDrawerBody({
  target,
  editable,
  onSaved,
}: {
  target: ProfileTarget;
  editable: boolean;
  onSaved: (v: UnitProfileView) => void;
}) {
  const view = useAsync(useCallback(() => getUnitProfile(target.unitId), [target.unitId]));
  const parentId = target.parentId;
  const parent = useAsync(useCallback(() => (parentId ? getUnitProfile(parentId) : noParent()), [parentId]));
  const failed = view.error ?? parent.error;
  if (failed) return failed.status === 401 ? null : <Alert type="error" showIcon title={failed.message} />;
  if (!view.data || parent.loading) return <Skeleton active />;
  const v = view.data;
  return (
    <>
      <Typography.Paragraph type="secondary">
        签发执法文书时,以下信息自动填入,执法人员仍可修改。各部分未单独设置的,沿用上级单位的设置。
        {v.updatedAt ? `本单位最近修改:${formatTime(v.updatedAt)}。` : ''}
      </Typography.Paragraph>
      {editable ? (
        <ProfileForm target={target} view={v} parent={parent.data ?? null} onSaved={onSaved} />
      ) : (
        PARTS.map((part) => <ProfilePartView key={part} part={part} profile={v.effective} source={v.sources[part]} unitId={v.unitId} />)
      )}
    </>
  );
}

/** 文书固定信息 of one unit: the form (administrators) or what documents will print (everyone else); full screen on phones. */
export function ProfileDrawer({
  target,
  editable,
  onClose,
  onSaved,
}: {
  target: ProfileTarget | null;
  editable: boolean;
  onClose: () => void;
  onSaved: (v: UnitProfileView) => void;
}) {
  const compact = Grid.useBreakpoint().md === false;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={`文书固定信息:${target?.unitName ?? ''}`}
      size={compact ? '100%' : 560}
      destroyOnHidden
      data-testid="profile-drawer"
    >
      {target && <ProfileDrawerBody key={target.unitId} target={target} editable={editable} onSaved={onSaved} />}
    </Drawer>
  );
}
