import { invalid } from '../../platform/errors.js';

export const EVIDENCE_KINDS = ['photo', 'audio', 'video', 'document'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const SENSITIVITIES = ['general', 'personal', 'commercial', 'secret'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** Classes whose content may only be opened with a stated purpose (调阅事由). */
export const SENSITIVE_CLASSES: readonly Sensitivity[] = ['personal', 'commercial', 'secret'];

/** What the uploader says about the evidence (tus Upload-Metadata, already base64-decoded). */
export interface UploadMetadata {
  readonly filename: string;
  readonly kind: EvidenceKind;
  readonly recordedAt: string;
  readonly sensitivity: Sensitivity;
  readonly device: string | null;
  readonly officers: string | null;
  readonly place: string | null;
  readonly caseId: string | null;
  readonly stepId: string | null;
  readonly description: string | null;
}

/** Metadata key the server adds at creation: who created the upload (never taken from the client). */
export const UPLOADER_KEY = 'uploaderId';

const OPTIONAL_LIMITS = { device: 100, officers: 200, place: 200, caseId: 64, stepId: 64, description: 500 } as const;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
// C0/C1 control characters: they have no place in a name shown to people or sent in a header.
const CONTROL = /\p{Cc}/u;

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => values.some((v) => v === value);

function bad(message: string): Error {
  return invalid('invalid_upload_metadata', `上传信息不正确:${message}`);
}

/** Checks the metadata of a new upload; throws `invalid_upload_metadata` (400) with a Chinese reason. */
export function parseUploadMetadata(raw: Readonly<Record<string, string | null>> | undefined): UploadMetadata {
  const get = (key: string): string => (raw?.[key] ?? '').trim();
  const filename = get('filename');
  if (filename === '') throw bad('缺少文件名(filename)');
  if (filename.length > 255 || CONTROL.test(filename)) throw bad('文件名过长或含有控制字符');
  const kind = get('kind');
  if (!isOneOf(EVIDENCE_KINDS, kind)) throw bad(`证据类型(kind)应为 ${EVIDENCE_KINDS.join('、')} 之一`);
  const sensitivity = get('sensitivity');
  if (!isOneOf(SENSITIVITIES, sensitivity)) throw bad(`敏感类别(sensitivity)应为 ${SENSITIVITIES.join('、')} 之一`);
  const recordedAtRaw = get('recordedAt');
  const recordedMs = Date.parse(recordedAtRaw);
  if (!RFC3339.test(recordedAtRaw) || Number.isNaN(recordedMs)) throw bad('录制时间(recordedAt)应为带时区的 ISO-8601 时间');
  const optional = (key: keyof typeof OPTIONAL_LIMITS): string | null => {
    const value = get(key);
    if (value === '') return null;
    if (value.length > OPTIONAL_LIMITS[key] || CONTROL.test(value.replace(/[\n\t]/g, ' '))) {
      throw bad(`${key} 至多 ${OPTIONAL_LIMITS[key]} 个字符,且不能含有控制字符`);
    }
    return value;
  };
  return {
    filename,
    kind,
    sensitivity,
    recordedAt: new Date(recordedMs).toISOString(),
    device: optional('device'),
    officers: optional('officers'),
    place: optional('place'),
    caseId: optional('caseId'),
    stepId: optional('stepId'),
    description: optional('description'),
  };
}

/** The metadata kept with an upload: the checked fields plus the uploader (client extras dropped). */
export function storedMetadata(metadata: UploadMetadata, uploaderId: string): Record<string, string | null> {
  const stored: Record<string, string | null> = { [UPLOADER_KEY]: uploaderId };
  for (const [key, value] of Object.entries(metadata)) if (value !== null) stored[key] = value;
  return stored;
}
