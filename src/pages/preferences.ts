import type { APIRoute } from 'astro';
import { z } from 'zod';
import { sameSitePath } from '../domain/navigation/sameSitePath.ts';
import { apiError } from '../server/http/apiResponse.ts';
import { readSmallForm } from '../server/http/smallForm.ts';

const preferenceForm = z.object({
  textSize: z.enum(['large', 'normal'], { error: 'textSize: 字号应为 large 或 normal' }),
  // Only same-site paths, so the redirect cannot be used to send people elsewhere; anything else returns home.
  back: z.unknown().transform((v) => sameSitePath(v)),
});

/** Works without JavaScript: a plain form post that sets a year-long cookie and returns to the page. */
export const POST: APIRoute = async ({ request, cookies, redirect }) => {
  const form = await readSmallForm(request, 8 * 1024);
  if (form instanceof Response) return form;
  const parsed = preferenceForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return apiError(400, 'invalid_parameter', parsed.error.issues[0]?.message ?? '参数有误', 'textSize');
  cookies.set('text-size', parsed.data.textSize, {
    path: '/',
    maxAge: 365 * 24 * 3600,
    sameSite: 'lax',
    httpOnly: true,
    secure: new URL(request.url).protocol === 'https:',
  });
  return redirect(parsed.data.back, 303);
};
