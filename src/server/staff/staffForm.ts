import { z } from 'zod';
import '../../i18n/zodErrors.zh-CN.ts';
import { csrfFieldName, csrfTokensMatch } from '../../domain/staff/csrfToken.ts';
import { StaffAuthError } from './staffAuth.ts';

/** One problem with one field, in the order the fields appear, for the GOV.UK-style summary and inline message. */
export interface FieldError {
  field: string;
  message: string;
}

export type FormValues = Record<string, string | string[]>;

export type StaffFormResult<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldError[]; values: FormValues };

/** Repeated keys (checkboxes) become arrays; single ones stay strings; files are ignored, we take none. */
export function formDataObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

/** A checkbox group: absent means none ticked, one tick arrives as a plain string. */
export function checkboxes<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/** Whether a submitted form carries the expected token; used by the guard before any page code runs. */
export async function postedCsrfMatches(request: Request, expected: string | null | undefined): Promise<boolean> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return false;
  try {
    const form = await request.clone().formData();
    return csrfTokensMatch(expected, form.get(csrfFieldName));
  } catch {
    return false;
  }
}

/**
 * The one way staff pages read a POST: checks the CSRF token (throwing, because a mismatch is an attack or a
 * stale page, never a field error), then validates with zod. Values are handed back for re-filling the form,
 * minus passwords, which are never echoed into the page.
 */
export async function readStaffForm<S extends z.ZodType>(
  request: Request,
  expectedCsrf: string | null | undefined,
  schema: S,
): Promise<StaffFormResult<z.output<S>>> {
  const form = await request.formData();
  if (!csrfTokensMatch(expectedCsrf, form.get(csrfFieldName))) throw new StaffAuthError('csrf');
  const raw = formDataObject(form);
  const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !/password|code|_csrf/i.test(key)));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    // The top-level name, so that an error in the third ticked checkbox shows beside the whole group.
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'form';
    if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
  }
  return { ok: false, errors, values };
}

/** A submitted value for re-filling a text field. */
export function fieldValue(values: FormValues, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** Submitted values of a checkbox group, for re-ticking the boxes. */
export function fieldValues(values: FormValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

/** The message for one field, or undefined, for rendering beside that field. */
export function errorFor(errors: readonly FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}
