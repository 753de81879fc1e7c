/**
 * A part of the portal that is briefly out of reach (the search index, or the store while another process
 * holds its write lock). Not a fault in the request: callers answer 503 with Retry-After and keep serving
 * whatever does not depend on the missing part.
 */
export type UnavailableCode = 'search_unavailable' | 'store_busy' | 'store_unwritable';

/** What a citizen or a member of staff reads; says what is missing and what still works. */
export const unavailableMessages: Record<UnavailableCode, string> = {
  search_unavailable: '搜索服务暂时不可用，请稍后再试；短缺药品清单和电话 12345 仍可使用。/ Search is briefly unavailable.',
  store_busy: '系统繁忙，正在写入数据（如库存导入），请稍后再试。/ The store is busy, please retry shortly.',
  store_unwritable: '服务器存储暂时无法写入，本次操作没有保存，请稍后再试或联系管理员。/ Storage is not writable; nothing was saved.',
};

export class ServiceUnavailableError extends Error {
  readonly code: UnavailableCode;
  readonly retryAfterSeconds: number;

  constructor(code: UnavailableCode, retryAfterSeconds: number, options?: { cause?: unknown }) {
    super(unavailableMessages[code], options);
    this.name = 'ServiceUnavailableError';
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * By shape, not `instanceof`: the start script and the server bundle load this module as two copies in one
 * process, and an error thrown by one must still be recognised by the other.
 */
export function isServiceUnavailable(error: unknown): error is ServiceUnavailableError {
  const candidate = error as Partial<ServiceUnavailableError> | null;
  return typeof candidate?.code === 'string' && candidate.code in unavailableMessages && typeof candidate.retryAfterSeconds === 'number';
}
