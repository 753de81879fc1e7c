import type { DrugForm } from './drugVariety.ts';

/**
 * Parses a repaired 收录剂型与规格 text into forms and their strengths:
 *   片剂、胶囊：0.25g；注射用无菌粉末：0.5g、1.0g → 片剂 [0.25g], 胶囊 [0.25g], 注射用无菌粉末 [0.5g, 1.0g]
 * The text is written for people, so this is a best effort; formsText keeps the full wording.
 */

const OPEN = new Set(['（', '［', '(', '[']);
const CLOSE = new Set(['）', '］', ')', ']']);

/** Splits on a separator outside brackets: 0.9%（10ml、50ml）、10% has one top-level 、. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (OPEN.has(ch)) depth += 1;
    if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    if (ch === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** A segment that continues the previous group's strengths (每瓶200揿，…; 0.2mg; 200揿：每揿140μg). */
const CONTINUES = /^(?:\d|每)/;

/**
 * Form names from a group heading. A leading salt or ester qualifier moves behind the form so the
 * form reads first: （钠盐）注射用无菌粉末 → 注射用无菌粉末（钠盐）. 肠溶/缓释 before a bracketed list
 * distributes: 缓释（片剂、胶囊） → 缓释片剂, 缓释胶囊. Other brackets stay (散剂（Ⅰ、Ⅱ、Ⅲ）).
 */
export function formNames(heading: string): string[] {
  // A qualifier in front applies to every form after it: （头孢呋辛酯）片剂、分散片 → both are the ester.
  const qualified = /^（([^（）]+)）(.+)$/.exec(heading);
  if (qualified?.[1] && qualified[2]) return formNames(qualified[2]).map((f) => `${f}（${qualified[1]}）`);
  return splitTopLevel(heading, '、').flatMap((part) => {
    const distributed = /^(肠溶|缓释|控释)（([^（）]+)）$/.exec(part);
    if (distributed?.[1] && distributed[2]) return distributed[2].split('、').map((f) => distributed[1] + f);
    return [part];
  });
}

/**
 * 每袋装6g、9g means 每袋装9g, and 每10丸重1.7g、2g means 每10丸重2g: a bare quantity takes the words
 * before the previous piece's last quantity. Only words ending in a Chinese character are carried, so
 * ratios (2∶1、4∶1) and plain strengths (0.25g、0.5g) are left as they are.
 */
const CARRIABLE = /^(\D.*?\p{Script=Han})\d+(?:\.\d+)?(?:[a-zA-Zμ%]+|万单位|单位)?(?:（[^（）]*）)?$/u;
function carriedPrefix(previous: string): string | undefined {
  const lastClause = splitTopLevel(previous, '，').at(-1) ?? '';
  return CARRIABLE.exec(lastClause)?.[1];
}

/**
 * Strengths from the text after the colon. Clauses 每…重/装 separated by "，" are separate packings
 * (每丸重9g，每袋装6g); a piece after 、 that starts with a Chinese ingredient name belongs to the
 * previous piece (每片含缬沙坦80mg、氨氯地平5mg is one strength).
 */
export function strengths(body: string): string[] {
  const clauses: string[] = [];
  for (const clause of splitTopLevel(body, '，')) {
    const last = clauses.length - 1;
    if (last >= 0 && !/^每[^，]{0,6}?[重装]/.test(clause)) clauses[last] = `${clauses[last]}，${clause}`;
    else clauses.push(clause);
  }
  const out: string[] = [];
  for (const clause of clauses) {
    for (const piece of splitTopLevel(clause, '、')) {
      const previous = out.at(-1);
      if (previous !== undefined && /^\p{Script=Han}/u.test(piece) && !piece.startsWith('每')) {
        out[out.length - 1] = `${previous}、${piece}`;
        continue;
      }
      const prefix = previous !== undefined && /^\d/.test(piece) ? carriedPrefix(previous) : undefined;
      out.push(prefix ? prefix + piece : piece);
    }
  }
  return out;
}

function addForm(forms: DrugForm[], form: string, add: readonly string[]): void {
  const existing = forms.find((f) => f.form === form);
  if (!existing) forms.push({ form, strengths: [...add] });
  else for (const s of add) if (!existing.strengths.includes(s)) existing.strengths.push(s);
}

export function parseForms(text: string): DrugForm[] {
  const forms: DrugForm[] = [];
  let lastGroup: string[] = [];
  for (const segment of splitTopLevel(text, '；')) {
    const colon = splitTopLevel(segment, '：');
    const heading = colon.length > 1 ? (colon[0] ?? '') : segment;
    if (CONTINUES.test(heading) && lastGroup.length > 0) {
      for (const form of lastGroup) addForm(forms, form, strengths(segment));
      continue;
    }
    const body = colon.slice(1).join('：');
    lastGroup = formNames(heading);
    for (const form of lastGroup) addForm(forms, form, strengths(body));
  }
  return forms;
}

/** Adds the forms of another listing (a cross-listing's 眼膏剂) to a variety's forms. */
export function mergeForms(base: readonly DrugForm[], more: readonly DrugForm[]): DrugForm[] {
  const merged = base.map((f) => ({ form: f.form, strengths: [...f.strengths] }));
  for (const f of more) addForm(merged, f.form, f.strengths);
  return merged;
}
