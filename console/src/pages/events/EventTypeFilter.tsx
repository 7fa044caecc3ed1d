import { AutoComplete, Input } from 'antd';
import { useState } from 'react';
import { EVENT_TYPE_OPTIONS } from '../../labels/eventLabels';

/**
 * Free text (the server may record types this console does not know yet), with the known types
 * suggested by their Chinese names. Applies on Enter, on picking a suggestion, and on clearing.
 */
export function EventTypeFilter({ onApply }: { onApply: (type: string | undefined) => void }) {
  const [text, setText] = useState('');
  const apply = (value: string) => onApply(value.trim() || undefined);

  return (
    <AutoComplete
      value={text}
      options={EVENT_TYPE_OPTIONS}
      onChange={setText}
      onSelect={(value: string) => apply(value)}
      showSearch={{
        filterOption: (input, option) => !!option && (option.value.includes(input) || option.label.includes(input)),
      }}
      style={{ width: 280 }}
    >
      <Input.Search placeholder="事件类型,如 auth.logged_in" allowClear onSearch={apply} data-testid="event-filter-type" />
    </AutoComplete>
  );
}
