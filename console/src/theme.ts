/**
 * antd's default seed colours (#1677ff, #52c41a, #faad14, #ff4d4f) are below the WCAG AA contrast of
 * 4.5:1 as link, active-tab and status-tag text on white or their light backgrounds, and so is secondary text (axe-core:
 * color-contrast, serious). These are the next darker steps of the same palettes, which pass; the
 * page looks the same, a little deeper. Used by App.tsx for the whole console.
 */
export const ACCESSIBLE_TOKENS = {
  colorPrimary: '#0958d9',
  colorInfo: '#0958d9',
  colorLink: '#0958d9',
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  colorError: '#cf1322',
  // The backgrounds and borders stay antd's light defaults: derived from the darker seeds they turn muddy.
  colorPrimaryBg: '#e6f4ff',
  colorPrimaryBorder: '#91caff',
  colorInfoBg: '#e6f4ff',
  colorInfoBorder: '#91caff',
  colorSuccessBg: '#f6ffed',
  colorSuccessBorder: '#b7eb8f',
  colorWarningBg: '#fffbe6',
  colorWarningBorder: '#ffe58f',
  colorErrorBg: '#fff2f0',
  colorErrorBorder: '#ffccc7',
  // Secondary text (descriptions labels, hints) at 45 % black is 3.4:1 on white; 62 % is 5.9:1.
  colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  // Placeholders are read as hints (全部、请选择): axe holds them to the same 4.5:1.
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
} as const;
