import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { checkPdfUpload, formatBytes, maxAttachmentBytes, sanitiseAttachmentName } from '../../../src/domain/notices/attachment.ts';

const encoder = new TextEncoder();
const pdf = encoder.encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('checkPdfUpload', () => {
  test('accepts a PDF and returns its size and SHA-256', () => {
    const result = checkPdfUpload({ filename: '通报.pdf', declaredType: 'application/pdf', bytes: pdf });
    expect(result).toEqual({
      ok: true,
      attachment: { filename: '通报.pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') },
    });
  });

  test('rejects a Word file renamed .pdf even when the browser declares application/pdf', () => {
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...encoder.encode('word/document.xml')]);
    const result = checkPdfUpload({ filename: '通报.pdf', declaredType: 'application/pdf', bytes: docx });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('不是 PDF');
  });

  test('rejects an HTML page saved as .pdf', () => {
    const result = checkPdfUpload({ filename: 'x.pdf', declaredType: 'application/pdf', bytes: encoder.encode('<html><script>alert(1)</script>') });
    expect(result.ok).toBe(false);
  });

  test('rejects a real PDF declared as another type', () => {
    expect(checkPdfUpload({ filename: 'x.pdf', declaredType: 'application/octet-stream', bytes: pdf }).ok).toBe(false);
  });

  test('rejects a file one byte over 10 MB and accepts one of exactly 10 MB', () => {
    const big = new Uint8Array(maxAttachmentBytes + 1);
    big.set(pdf);
    const over = checkPdfUpload({ filename: 'big.pdf', declaredType: 'application/pdf', bytes: big });
    expect(over.ok).toBe(false);
    expect(!over.ok && over.message).toContain('10 MB');
    expect(checkPdfUpload({ filename: 'big.pdf', declaredType: 'application/pdf', bytes: big.subarray(0, maxAttachmentBytes) }).ok).toBe(true);
  });

  test('rejects an empty file', () => {
    expect(checkPdfUpload({ filename: 'x.pdf', declaredType: 'application/pdf', bytes: new Uint8Array() }).ok).toBe(false);
  });
});

describe('sanitiseAttachmentName', () => {
  test('drops folders, control and bidi characters, and keeps Chinese names', () => {
    expect(sanitiseAttachmentName('C:\\Users\\zhang\\景卫药政字〔2026〕12号.pdf')).toBe('景卫药政字〔2026〕12号.pdf');
    expect(sanitiseAttachmentName('../../etc/passwd')).toBe('passwd.pdf');
    expect(sanitiseAttachmentName('report\u202Efdp.exe')).toBe('reportfdp.exe.pdf');
    expect(sanitiseAttachmentName('a"b<c>.PDF')).toBe('a_b_c_.pdf');
  });

  test('gives a name to a file called only ".pdf" and clips long names', () => {
    expect(sanitiseAttachmentName('.pdf')).toBe('附件.pdf');
    expect([...sanitiseAttachmentName(`${'通'.repeat(300)}.pdf`)]).toHaveLength(100);
  });
});

describe('formatBytes', () => {
  test('reads as a phone user judges a download', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(350 * 1024)).toBe('350 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
  });

  test('rejects a file with %PDF- after byte 0 (an HTML page with a PDF header in a comment)', () => {
    const html = encoder.encode('<!-- %PDF-1.7 --><html><script>alert(1)</script></html>\n%%EOF\n');
    expect(checkPdfUpload({ filename: 'x.pdf', declaredType: 'application/pdf', bytes: html }).ok).toBe(false);
  });

  test('rejects a PDF header without %%EOF in the last kilobyte (a truncated or disguised file)', () => {
    const truncated = encoder.encode(`%PDF-1.7\n${'x'.repeat(5000)}`);
    expect(checkPdfUpload({ filename: 'x.pdf', declaredType: 'application/pdf', bytes: truncated }).ok).toBe(false);
    const eofEarly = encoder.encode(`%PDF-1.7\n%%EOF\n${'x'.repeat(2000)}`);
    expect(checkPdfUpload({ filename: 'x.pdf', declaredType: 'application/pdf', bytes: eofEarly }).ok).toBe(false);
  });

  test('accepts %%EOF followed by trailing whitespace or NULs some writers add', () => {
    const padded = encoder.encode('%PDF-1.4\ntrailer << >>\n%%EOF\r\n\u0000\u0000  \n');
    expect(checkPdfUpload({ filename: 'x.pdf', declaredType: 'application/pdf', bytes: padded }).ok).toBe(true);
  });
});
