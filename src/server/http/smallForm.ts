import { apiError } from './apiResponse.ts';

/** Content types a plain HTML form posts; anything else is not one of our forms. */
const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

async function bodyWithin(request: Request, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return null;
  const reader = request.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // A chunked body has no length to check up front; stop reading as soon as it is too big.
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The fields of a small form post, or the response to send instead: 415 for a body that is not a form, 413 over
 * `maxBytes`, 400 for a form that cannot be read. Never a 500 for what a client sent.
 */
export async function readSmallForm(request: Request, maxBytes: number): Promise<FormData | Response> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!formTypes.includes(type)) return apiError(415, 'unsupported_media_type', '请求格式有误：应为表单提交（application/x-www-form-urlencoded 或 multipart/form-data）');
  const bytes = await bodyWithin(request, maxBytes);
  if (!bytes) return apiError(413, 'payload_too_large', `提交内容过大：不能超过 ${maxBytes} 字节`);
  try {
    return await new Response(new Uint8Array(bytes), { headers: { 'content-type': request.headers.get('content-type') ?? type } }).formData();
  } catch {
    return apiError(400, 'invalid_body', '表单内容无法读取，请从页面重新提交');
  }
}
