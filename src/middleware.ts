import { defineMiddleware } from 'astro:middleware';
import { securityHeaders } from './server/http/securityHeaders.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  // 适老化: the large-text choice is a cookie so that it persists and renders server-side without a flash.
  context.locals.largeText = context.cookies.get('text-size')?.value === 'large';
  const response = await next();
  for (const [name, value] of Object.entries(securityHeaders(context.url.protocol === 'https:'))) {
    if (name === 'content-security-policy' && response.headers.has(name)) {
      response.headers.set(name, `${response.headers.get(name)}; ${value}`);
    } else if (!response.headers.has(name)) {
      response.headers.set(name, value);
    }
  }
  return response;
});
