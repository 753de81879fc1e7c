import type { APIRoute } from 'astro';
import { z } from 'zod';

const preferenceForm = z.object({
  textSize: z.enum(['large', 'normal']),
  // Only same-site paths, so the redirect cannot be used to send people elsewhere.
  back: z.string().regex(/^\/(?!\/)[^\s]*$/).default('/'),
});

/** Works without JavaScript: a plain form post that sets a year-long cookie and returns to the page. */
export const POST: APIRoute = async ({ request, cookies, redirect }) => {
  const parsed = preferenceForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return new Response('参数有误 / Bad request', { status: 400 });
  cookies.set('text-size', parsed.data.textSize, {
    path: '/',
    maxAge: 365 * 24 * 3600,
    sameSite: 'lax',
    httpOnly: true,
    secure: new URL(request.url).protocol === 'https:',
  });
  return redirect(parsed.data.back, 303);
};
