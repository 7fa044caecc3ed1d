import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/client';

/**
 * Shows a failed call's server message (already Chinese and specific). A 401 is not shown:
 * the client has already sent the person to the login page.
 */
export function useErrorMessage(): (error: unknown) => void {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.status !== 401) message.error(error.message);
        return;
      }
      message.error('操作失败,请稍后重试');
    },
    [message],
  );
}
