import type { APIContext } from 'astro';
import { describe, expect, test } from 'vitest';
import { POST } from '../../src/pages/preferences.ts';

async function post(body: BodyInit, headers: Record<string, string>): Promise<Response> {
  const request = new Request('http://127.0.0.1:4321/preferences', { method: 'POST', body, headers });
  const context = {
    request,
    cookies: { set: () => undefined },
    redirect: (location: string, status: number) => new Response(null, { status, headers: { location } }),
  };
  return POST(context as unknown as APIContext);
}
const form = (fields: Record<string, string>) => post(new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' });

describe('POST /preferences', () => {
  test('returns to a page of this site', async () => {
    const response = await form({ textSize: 'large', back: '/drugs/W078?x=1' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/drugs/W078?x=1');
  });

  test.each(['/\\evil.example/x', '//evil.example', 'https://evil.example/'])('never redirects off-site (back=%s)', async (back) => {
    const response = await form({ textSize: 'large', back });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
  });

  test('answers malformed multipart with 400, JSON with 415 and a huge body with 413, in Chinese', async () => {
    const broken = await post('--x\r\nnot a part', { 'content-type': 'multipart/form-data; boundary=zzz' });
    expect(broken.status).toBe(400);
    const jsonBody = await post('{"textSize":"large"}', { 'content-type': 'application/json' });
    expect(jsonBody.status).toBe(415);
    const huge = await post(`textSize=large&back=/${'a'.repeat(200_000)}`, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(huge.status).toBe(413);
    for (const response of [broken, jsonBody, huge]) expect(await response.text()).toMatch(/[\u4e00-\u9fff]/);
  });
});
