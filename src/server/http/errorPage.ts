/**
 * The short page a browser gets when the portal cannot render a real one (bad request line, overload, an error
 * outside Astro). No scripts, no styles beyond the inline-free defaults, so the CSP needs nothing extra.
 */
export function errorPageHtml(title: string, explanation: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · 药品供应信息公开平台</title></head>
<body>
<main>
<h1>${title}</h1>
<p>${explanation}</p>
<p><a href="/">返回首页</a></p>
</main>
</body>
</html>
`;
}

export function htmlResponse(status: number, html: string, extraHeaders: Record<string, string> = {}): Response {
  return new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...extraHeaders },
  });
}
