import type { EvidenceKind, Sensitivity } from '../../api/evidence';

export const KIND_LABELS: Readonly<Record<EvidenceKind, string>> = {
  photo: '照片',
  audio: '录音',
  video: '录像',
  document: '文件',
};

export const SENSITIVITY_LABELS: Readonly<Record<Sensitivity, string>> = {
  general: '一般',
  personal: '涉及个人隐私',
  commercial: '涉及商业秘密',
  secret: '涉密',
};

/** antd Tag colors: the more sensitive, the warmer. */
export const SENSITIVITY_COLORS: Readonly<Record<Sensitivity, string>> = {
  general: 'default',
  personal: 'orange',
  commercial: 'gold',
  secret: 'red',
};

export const KIND_OPTIONS = (Object.keys(KIND_LABELS) as EvidenceKind[]).map((value) => ({ value, label: KIND_LABELS[value] }));

export const SENSITIVITY_OPTIONS = (Object.keys(SENSITIVITY_LABELS) as Sensitivity[]).map((value) => ({
  value,
  label: SENSITIVITY_LABELS[value],
}));

/** Guesses the kind from the browser's idea of the file type; the person can still change it. */
export function guessKind(file: File): EvidenceKind {
  if (file.type.startsWith('image/')) return 'photo';
  if (file.type.startsWith('audio/')) return 'audio';
  if (file.type.startsWith('video/')) return 'video';
  return 'document';
}

const UNITS = ['KB', 'MB', 'GB', 'TB'];

/** 1.2 MB style, binary multiples (what file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${UNITS[unit] ?? ''}`;
}
