import { defineMiddleware } from 'astro:middleware';
import './i18n/zodErrors.zh-CN.ts';
import { answerForError, isApiPath, isRetryableError } from './server/http/errorAnswers.ts';
import { applySecurityHeaders } from './server/http/securityHeaders.ts';
import { logger } from './server/observability/logger.ts';
import { countDependencyError } from './server/observability/metrics.ts';
import { renderStaffPage, staffGuard } from './server/staff/staffMiddleware.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  // 适老化: the large-text choice is a cookie so that it persists and renders server-side without a flash.
  context.locals.largeText = context.cookies.get('text-size')?.value === 'large';
  // Staff pages need a session (and the right role); refusals still get the security headers below.
  const staff = await staffGuard(context);
  if (!(staff instanceof Response)) context.locals.staff = staff;
  let response: Response;
  try {
    response = staff instanceof Response ? staff : await renderStaffPage(next);
  } catch (error) {
    // API callers get the JSON error shape and a dependency that is briefly away a 503 with Retry-After;
    // any other page error goes on to Astro, which renders src/pages/500.astro.
    const apiPath = isApiPath(context.url.pathname);
    if (!apiPath && !isRetryableError(error)) throw error;
    logger().error({ err: error }, 'route failed');
    countDependencyError(error, context.routePattern);
    response = answerForError(error, apiPath);
  }
  applySecurityHeaders(response.headers, context.url.protocol === 'https:');
  return response;
});
