import { createHash } from 'node:crypto';

/**
 * Attachments to a notice are PDFs only: the signed paper as issued, which readers print and forward. The
 * bytes are checked, not just the name or the browser's declared type, because a renamed .doc or an HTML
 * page saved as .pdf would be served to the public under the authority's name.
 */
export const maxAttachmentBytes = 10 * 1024 * 1024;

export interface AttachmentUpload {
  filename: string;
  /** The type the browser declared for the file part. */
  declaredType: string;
  bytes: Uint8Array;
}

export interface CheckedAttachment {
  filename: string;
  size: number;
  /** Lower-case hex; also the file's name on disk and in its URL, so identical uploads are stored once. */
  sha256: string;
}

export type AttachmentCheck = { ok: true; attachment: CheckedAttachment } | { ok: false; message: string };

/**
 * A PDF starts with `%PDF-` at byte 0 and ends with `%%EOF` (ISO 32000-1, 7.5.2 and 7.5.5). Searching for the header
 * anywhere in the first kilobyte, as readers tolerate, let an HTML page with `%PDF-` in a comment pass; a file we
 * serve under an authority's name must be a PDF from its first byte.
 */
const pdfMagic = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const eofMarker = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF
const trailerSearchBytes = 1024;
// PDF white-space characters (ISO 32000-1, table 1): writers and mail gateways append some after %%EOF.
const pdfWhitespace = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);

export function hasPdfHeader(bytes: Uint8Array): boolean {
  return pdfMagic.every((b, i) => bytes[i] === b);
}

/**
 * `%%EOF` within the last kilobyte, not counting white space after it (readers, like Acrobat, look that far back).
 */
export function hasPdfTrailer(bytes: Uint8Array): boolean {
  let end = bytes.length;
  while (end > 0 && pdfWhitespace.has(bytes[end - 1] as number)) end -= 1;
  for (let start = end - eofMarker.length; start >= Math.max(0, end - trailerSearchBytes); start -= 1) {
    if (eofMarker.every((b, i) => bytes[start + i] === b)) return true;
  }
  return false;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A name safe to show and to send in Content-Disposition: no folders, no control or bidi characters (which
 * could disguise `evil‮fdp.exe`), no characters Windows refuses, at most 100 characters, ending in .pdf.
 */
export function sanitiseAttachmentName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  // A leading dot would hide the file on the reader's computer once saved.
  const stem = cleaned.replace(/\.pdf$/i, '').replace(/^[.\s]+/, '').trim();
  const clipped = [...stem].slice(0, 96).join('').trim();
  return `${clipped || '附件'}.pdf`;
}

export function checkPdfUpload(upload: AttachmentUpload): AttachmentCheck {
  if (upload.bytes.length === 0) return { ok: false, message: '请选择要上传的 PDF 文件' };
  if (upload.bytes.length > maxAttachmentBytes) {
    return { ok: false, message: `文件过大（${formatBytes(upload.bytes.length)}），附件不能超过 10 MB` };
  }
  const declared = upload.declaredType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (declared !== 'application/pdf') return { ok: false, message: '只能上传 PDF 文件（文件类型不是 application/pdf）' };
  if (!hasPdfHeader(upload.bytes) || !hasPdfTrailer(upload.bytes)) return { ok: false, message: '文件内容不是 PDF（可能是改了扩展名的其他文件），请导出为 PDF 后再上传' };
  return {
    ok: true,
    attachment: { filename: sanitiseAttachmentName(upload.filename), size: upload.bytes.length, sha256: sha256Hex(upload.bytes) },
  };
}

/** 1.2 MB, 350 KB: how readers judge whether to download on a phone. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The SHA-256 in a URL or form field: exactly 64 lower-case hex digits, nothing that could name another path. */
export const sha256Pattern = /^[0-9a-f]{64}$/;
