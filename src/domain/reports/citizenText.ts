import { z } from 'zod';

/**
 * Control and format characters (`\p{Cc}\p{Cf}`: NUL, bidi overrides, zero-width joiners…) have no place in what
 * a citizen types and can disguise text in staff lists and exports; line breaks survive where text may span lines.
 */
const invisible = /[\p{Cc}\p{Cf}]/gu;
const invisibleExceptNewline = /(?![\n])[\p{Cc}\p{Cf}]/gu;

export function cleanLine(value: string): string {
  return value.replace(invisible, '').trim();
}

export function cleanParagraph(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(invisibleExceptNewline, '').trim();
}

/** A one-line text field, cleaned first and then measured, with the field's name in every message. */
export function lineField(label: string, max: number) {
  return z
    .string({ message: `请填写${label}` })
    .transform(cleanLine)
    .pipe(z.string().max(max, `${label}不能超过 ${max} 个字`));
}

export function paragraphField(label: string, max: number) {
  return z
    .string({ message: `请填写${label}` })
    .transform(cleanParagraph)
    .pipe(z.string().max(max, `${label}不能超过 ${max} 个字`));
}
