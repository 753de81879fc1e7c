import { Marked, type Token } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Staff write Markdown; readers get HTML from a strict allow-list. Two layers on purpose: raw HTML in the
 * source is escaped by the renderer (so it shows as text, and the author sees the mistake in the preview),
 * and the sanitiser removes anything that still slipped through, whatever marked does in a future version.
 */
export interface MarkdownFieldError {
  field: string;
  message: string;
}

export type MarkdownResult = { ok: true; html: string } | { ok: false; error: MarkdownFieldError };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

const allowList: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 'blockquote', 'ul', 'ol', 'li',
    'code', 'pre', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'], th: ['align'], td: ['align'], ol: ['start'] },
  // No javascript:, data: or vbscript: anywhere; relative links to our own pages stay allowed.
  allowedSchemes: ['https', 'http', 'mailto'],
  // Images only from the portal itself: the site's Content-Security-Policy (img-src 'self') blocks others anyway.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // A body sits under the page's own <h1> and a section <h2> (核实情况), so its headings start at <h3>.
  transformTags: {
    h1: 'h3',
    h2: 'h3',
    h3: 'h4',
    h5: 'h4',
    h6: 'h4',
    // Links off the site must not hand the reader's page to the other site (window.opener) or leak the path.
    a: (tagName, attribs) => ({ tagName, attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer' } : attribs }),
  },
};

/** The second layer alone, exported so that tests can feed it HTML that the renderer would never produce. */
export function sanitizeBodyHtml(html: string, topHeading: 3 | 5 = 3): string {
  if (topHeading === 3) return sanitizeHtml(html, allowList);
  // Text shown inside a deeper section (the wording before a correction) moves its headings down two levels.
  return sanitizeHtml(html, { ...allowList, transformTags: { ...allowList.transformTags, h1: 'h5', h2: 'h5', h3: 'h6', h4: 'h6', h5: 'h6' } });
}

function imageProblems(tokens: Token[]): { withoutAlt: string[]; offSite: string[] } {
  const withoutAlt: string[] = [];
  const offSite: string[] = [];
  marked.walkTokens(tokens, (token) => {
    if (token.type !== 'image') return;
    if (token.text.trim() === '') withoutAlt.push(token.href);
    if (!/^\/(?!\/)/.test(token.href)) offSite.push(token.href);
  });
  return { withoutAlt, offSite };
}

/**
 * Renders a body for the public. An image without a description is refused rather than published, because
 * a blind reader would otherwise meet an unexplained picture in an official statement; so is an image from
 * another site, which readers' browsers would not show.
 */
export function renderMarkdown(source: string, field = 'body', topHeading: 3 | 5 = 3): MarkdownResult {
  const tokens = marked.lexer(source);
  const images = imageProblems(tokens);
  if (images.withoutAlt.length > 0) {
    return { ok: false, error: { field, message: `图片必须填写替代文字（![图片说明](地址)），缺少说明的图片：${images.withoutAlt.join('、')}` } };
  }
  if (images.offSite.length > 0) {
    return { ok: false, error: { field, message: `图片须放在本站，地址以 / 开头（外站图片会被浏览器拦截）：${images.offSite.join('、')}` } };
  }
  return { ok: true, html: sanitizeBodyHtml(marked.parser(tokens), topHeading) };
}

/**
 * For text already stored: rendered and sanitised, but not held to today's input rules, so that a rule added
 * later (as the image rules were) never blanks a page that is already public.
 */
export function renderStoredMarkdown(source: string, topHeading: 3 | 5 = 3): string {
  return sanitizeBodyHtml(marked.parser(marked.lexer(source)), topHeading);
}

/** The same text without markup, for search documents, feed summaries and meta descriptions. */
export function markdownToText(source: string): string {
  const html = renderStoredMarkdown(source);
  const text = sanitizeHtml(html.replace(/<\/(p|li|h\d|tr|blockquote)>/g, '$& '), { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** A short excerpt that ends at a character boundary, with an ellipsis when cut. */
export function excerpt(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars - 1).join('')}…`;
}
