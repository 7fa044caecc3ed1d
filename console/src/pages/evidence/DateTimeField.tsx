import { DatePicker, Grid, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

const NATIVE_FORMAT = 'YYYY-MM-DDTHH:mm:ss';

export interface DateTimeFieldProps {
  /** Set by Form.Item, so the label points at the control. */
  id?: string;
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  disabled?: boolean;
}

/**
 * A date-and-time control for a Form.Item. antd's date+time panel is wider than a phone screen,
 * so phones get the browser's own picker (input type=datetime-local), which fits and is familiar.
 */
export function DateTimeField({ id, value, onChange, disabled }: DateTimeFieldProps) {
  const compact = Grid.useBreakpoint().md === false;
  if (!compact)
    return (
      <DatePicker id={id} showTime value={value} onChange={(next) => onChange?.(next)} disabled={disabled} style={{ width: '100%' }} />
    );
  return (
    <Input
      id={id}
      type="datetime-local"
      step={1}
      value={value ? value.format(NATIVE_FORMAT) : ''}
      disabled={disabled}
      onChange={(event) => {
        const next = dayjs(event.target.value);
        onChange?.(event.target.value && next.isValid() ? next : null);
      }}
    />
  );
}
