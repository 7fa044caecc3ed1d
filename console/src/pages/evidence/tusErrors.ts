import { DetailedError, defaultOptions } from 'tus-js-client';

export interface UploadFailure {
  /** Chinese, for people. */
  message: string;
  /** Network trouble or a server hiccup: 继续 may pick up from the last offset. A refusal (4xx) will not change on retry. */
  retryable: boolean;
}

function serverMessage(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'message' in parsed && typeof parsed.message === 'string') {
      return parsed.message;
    }
  } catch {
    // Not JSON: fall back to a generic message below.
  }
  return null;
}

/**
 * The server answers refusals as JSON `{code, message}` (415 file type, 413 too large, 400 metadata, 403 not allowed);
 * tus-js-client hands over the raw response in `originalResponse`.
 */
export function describeUploadError(error: Error): UploadFailure {
  const response = error instanceof DetailedError ? error.originalResponse : null;
  if (!response) {
    return { message: '网络中断,上传已暂停。网络恢复后点击「继续」即可从断点续传。', retryable: true };
  }
  const status = response.getStatus();
  if (status === 401) return { message: '登录已失效,请重新登录后再次选择同一文件继续上传。', retryable: false };
  const message = serverMessage(response.getBody());
  const refused = status >= 400 && status < 500 && status !== 409 && status !== 423;
  if (refused) return { message: message ?? `上传被拒绝(HTTP ${status})`, retryable: false };
  return { message: message ?? `服务器暂时无法接收(HTTP ${status}),请稍后点击「继续」重试。`, retryable: true };
}

/**
 * After a refusal the server has deleted the upload (e.g. 415 after the last chunk), and an old partial upload the
 * person chose not to resume is dead too: forget their resume points so no later attempt offers them again.
 */
export async function forgetUpload(uploadUrl: string | null): Promise<void> {
  if (!uploadUrl) return;
  const storage = defaultOptions.urlStorage;
  for (const entry of await storage.findAllUploads()) {
    if (entry.uploadUrl === uploadUrl) await storage.removeUpload(entry.urlStorageKey);
  }
}
