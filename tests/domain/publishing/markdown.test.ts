import { describe, expect, test } from 'vitest';
import { excerpt, markdownToText, renderMarkdown, renderStoredMarkdown, sanitizeBodyHtml } from '../../../src/domain/publishing/markdown.ts';

function html(source: string): string {
  const result = renderMarkdown(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.html;
}

describe('renderMarkdown', () => {
  test('renders headings, emphasis, lists, tables and links', () => {
    const out = html('## 库存情况\n\n**充足**\n\n- 一\n- 二\n\n| 药店 | 库存 |\n|---|---|\n| 甲 | 有 |\n\n[国家药监局](https://www.nmpa.gov.cn/)');
    expect(out).toContain('<h3>库存情况</h3>');
    expect(out).toContain('<strong>充足</strong>');
    expect(out).toContain('<li>一</li>');
    expect(out).toContain('<td>甲</td>');
    expect(out).toContain('<a href="https://www.nmpa.gov.cn/" rel="noopener noreferrer">国家药监局</a>');
  });

  test('starts body headings at <h3>, below the page’s <h1> and its section <h2>', () => {
    expect(html('# 一\n\n## 二\n\n### 三\n\n###### 六')).toBe('<h3>一</h3>\n<h3>二</h3>\n<h4>三</h4>\n<h4>六</h4>\n');
  });

  test('shows raw <script> as text instead of running it', () => {
    const out = html('正文<script>alert(1)</script>');
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain('&lt;script&gt;');
  });

  test('never emits an event handler attribute such as onerror', () => {
    for (const source of ['<img src=x onerror=alert(1)>', '<a href="/" onclick="steal()">x</a>', '<p onmouseover="x()">y</p>']) {
      expect(html(source)).not.toMatch(/<[^>]+\son\w+=/i);
    }
  });

  test('drops javascript:, vbscript: and data: link targets however they are spelled', () => {
    for (const target of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java&#x09;script:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>']) {
      const out = html(`[点这里](${target})`);
      expect(out, target).not.toMatch(/href=/i);
      expect(out).toContain('点这里');
    }
  });

  test('moves headings two levels further down for text nested deeper in a page', () => {
    const result = renderMarkdown('## 二\n\n### 三', 'body', 5);
    expect(result.ok && result.html).toBe('<h5>二</h5>\n<h6>三</h6>\n');
  });

  test('keeps links to the portal’s own pages without rel attributes', () => {
    expect(html('[布洛芬](/drugs/W078)')).toContain('<a href="/drugs/W078">布洛芬</a>');
  });

  test('accepts an image with alt text and refuses one without, naming the field', () => {
    expect(html('![药店货架照片](/media/shelf.jpg)')).toContain('<img src="/media/shelf.jpg" alt="药店货架照片" />');
    const refused = renderMarkdown('说明\n\n![](/media/shelf.jpg)', 'explanation');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.field).toBe('explanation');
      expect(refused.error.message).toContain('替代文字');
      expect(refused.error.message).toContain('/media/shelf.jpg');
    }
    expect(renderMarkdown('![   ](/media/a.jpg)').ok).toBe(false);
  });

  test('refuses images from other sites and data: images, which the site’s CSP would block', () => {
    for (const src of ['https://example.gov.cn/a.jpg', '//evil.example/a.jpg', 'data:image/png;base64,AAAA']) {
      const result = renderMarkdown(`![图](${src})`);
      expect(result.ok, src).toBe(false);
    }
  });
});

describe('sanitizeBodyHtml', () => {
  test('strips script, style and iframe elements and every on* attribute from HTML it is handed directly', () => {
    const out = sanitizeBodyHtml(
      '<p onclick="x()">ok</p><script>alert(1)</script><style>body{}</style><iframe src="https://evil.example"></iframe><img src="/m/x.png" alt="a" onerror="alert(1)"><img src="https://a.cn/y.png" alt="b"><a href="javascript:alert(1)">z</a>',
    );
    expect(out).toBe('<p>ok</p><img src="/m/x.png" alt="a" /><img alt="b" /><a>z</a>');
  });
});

describe('renderStoredMarkdown', () => {
  test('still renders a stored body that today’s image rules would refuse, without the off-site source', () => {
    expect(renderStoredMarkdown('库存充足。\n\n![](https://example.gov.cn/a.jpg)<script>x</script>')).toBe('<p>库存充足。</p>\n<p><img alt="" />&lt;script&gt;x&lt;/script&gt;</p>\n');
  });
});

describe('markdownToText', () => {
  test('gives plain text with block boundaries as spaces', () => {
    expect(markdownToText('# 标题\n\n正文 **强调**\n\n- 甲\n- 乙')).toBe('标题 正文 强调 甲 乙');
  });
});

describe('excerpt', () => {
  test('cuts long text with an ellipsis and leaves short text alone', () => {
    expect(excerpt('一二三四五', 3)).toBe('一二…');
    expect(excerpt('一二三', 3)).toBe('一二三');
  });
});
