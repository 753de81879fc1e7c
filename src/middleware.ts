import { defineMiddleware } from 'astro:middleware';
import './i18n/zodErrors.zh-CN.ts';
import { mergeContentSecurityPolicy, securityHeaders } from './server/http/securityHeaders.ts';
import { renderStaffPage, staffGuard } from './server/staff/staffMiddleware.ts';
import { orUnavailablePage } from './server/resilience/unavailableAnswer.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  // 适老化: the large-text choice is a cookie so that it persists and renders server-side without a flash.
  context.locals.largeText = context.cookies.get('text-size')?.value === 'large';
  const response = await orUnavailablePage(context.url.pathname, async () => {
    // Staff pages need a session (and the right role); refusals still get the security headers below.
    const staff = await staffGuard(context);
    if (!(staff instanceof Response)) context.locals.staff = staff;
    return staff instanceof Response ? staff : renderStaffPage(next);
  });
  for (const [name, value] of Object.entries(securityHeaders(context.url.protocol === 'https:'))) {
    const existing = response.headers.get(name);
    if (name === 'content-security-policy' && existing) {
      response.headers.set(name, mergeContentSecurityPolicy(existing, value));
    } else if (!existing) {
      response.headers.set(name, value);
    }
  }
  return response;
});
