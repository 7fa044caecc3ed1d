import { Alert } from 'antd';
import type { ErrorText } from './apiErrorText';

/** A refusal from the server: its message and code, and what it lists. */
export function ErrorAlert({ error, testId }: { error: ErrorText | null; testId: string }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={error.title}
      description={error.details.length > 0 ? error.details.join(';') : undefined}
      style={{ marginTop: 12 }}
      data-testid={testId}
    />
  );
}
