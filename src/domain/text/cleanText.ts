import { z } from 'zod';

/**
 * Text as it may be stored and shown: no control characters (NUL breaks exports and some databases) and no format
 * characters (U+202E and friends reorder what a reader sees, zero-width ones hide inside names, a BOM sneaks in
 * from Excel). Tab and newline survive only where a field is multi-line text; CRLF becomes LF. Lone surrogates
 * from broken encodings become U+FFFD so that every later step sees well-formed text.
 */
export function cleanText(raw: string, options: { multiline?: boolean } = {}): string {
  const wellFormed = raw.toWellFormed();
  if (!options.multiline) return wellFormed.replace(/[\p{Cc}\p{Cf}]/gu, '');
  return wellFormed.replace(/\r\n?/g, '\n').replace(/[^\P{Cc}\t\n]|\p{Cf}/gu, '');
}

/**
 * `inner` run on the cleaned text, so that its trim, length and pattern checks see what will be stored:
 * `title: cleanString(z.string().trim().min(4, '…'))`. Anything that is not a string reaches `inner` unchanged.
 */
export function cleanString<T extends z.ZodType>(inner: T, options: { multiline?: boolean } = {}) {
  const cleaned = z.preprocess((value) => (typeof value === 'string' ? cleanText(value, options) : value), inner);
  // preprocess types its input as unknown; the schema accepts what `inner` accepts, so say so for .pipe() callers.
  return cleaned as unknown as z.ZodPipe<z.ZodTransform<z.input<T>, z.input<T>>, T>;
}
