import { describe, expect, test } from 'vitest';
import { formNames, mergeForms, parseForms, splitTopLevel, strengths } from '../../../src/domain/drugs/emlForms.ts';

describe('parseForms', () => {
  test('gives each form of a group the group strengths', () => {
    expect(parseForms('片剂、胶囊：0.25g；注射用无菌粉末：0.5g、1.0g')).toEqual([
      { form: '片剂', strengths: ['0.25g'] },
      { form: '胶囊', strengths: ['0.25g'] },
      { form: '注射用无菌粉末', strengths: ['0.5g', '1.0g'] },
    ]);
  });

  test('keeps forms listed without strengths', () => {
    expect(parseForms('片剂：0.3g、0.5g；口服溶液剂：100ml∶2.4g；颗粒剂、混悬液')).toEqual([
      { form: '片剂', strengths: ['0.3g', '0.5g'] },
      { form: '口服溶液剂', strengths: ['100ml∶2.4g'] },
      { form: '颗粒剂', strengths: [] },
      { form: '混悬液', strengths: [] },
    ]);
  });

  test('adds a segment that starts with a number or 每 to the previous group', () => {
    expect(parseForms('吸入气雾剂：200揿：每揿100μg；200揿：每揿140μg；吸入用溶液：2.5ml∶5mg')).toEqual([
      { form: '吸入气雾剂', strengths: ['200揿：每揿100μg', '200揿：每揿140μg'] },
      { form: '吸入用溶液', strengths: ['2.5ml∶5mg'] },
    ]);
  });

  test('merges a form listed twice', () => {
    expect(parseForms('注射液：50ml∶10g；注射液：3000ml∶150g（冲洗用）')).toEqual([
      { form: '注射液', strengths: ['50ml∶10g', '3000ml∶150g（冲洗用）'] },
    ]);
  });

  test('does not split inside brackets', () => {
    expect(parseForms('注射液：0.9%（10ml、50ml）、10%（10ml、100ml）')).toEqual([
      { form: '注射液', strengths: ['0.9%（10ml、50ml）', '10%（10ml、100ml）'] },
    ]);
  });

  test('returns no forms for an empty text', () => {
    expect(parseForms('')).toEqual([]);
  });
});

describe('formNames', () => {
  test('moves a leading salt qualifier behind every form it applies to', () => {
    expect(formNames('（头孢呋辛酯）片剂、分散片')).toEqual(['片剂（头孢呋辛酯）', '分散片（头孢呋辛酯）']);
  });

  test('distributes 肠溶 and 缓释 over a bracketed list but keeps other brackets', () => {
    expect(formNames('肠溶（片剂、胶囊）、缓释片')).toEqual(['肠溶片剂', '肠溶胶囊', '缓释片']);
    expect(formNames('散剂（Ⅰ、Ⅱ、Ⅲ）')).toEqual(['散剂（Ⅰ、Ⅱ、Ⅲ）']);
  });
});

describe('strengths', () => {
  test('carries 每袋装 over to a bare quantity', () => {
    expect(strengths('每袋装5g、9g、18g')).toEqual(['每袋装5g', '每袋装9g', '每袋装18g']);
    expect(strengths('每丸重9g，每10丸重1.8g，每袋装6g、9g')).toEqual(['每丸重9g', '每10丸重1.8g', '每袋装6g', '每袋装9g']);
  });

  test('keeps an ingredient list together as one strength', () => {
    expect(strengths('每片含缬沙坦80mg、氨氯地平5mg')).toEqual(['每片含缬沙坦80mg、氨氯地平5mg']);
  });

  test('does not carry words over ratios', () => {
    expect(strengths('阿莫西林∶克拉维酸=2∶1、4∶1')).toEqual(['阿莫西林∶克拉维酸=2∶1', '4∶1']);
  });
});

describe('splitTopLevel and mergeForms', () => {
  test('split only outside brackets', () => {
    expect(splitTopLevel('a（b；c）；d', '；')).toEqual(['a（b；c）', 'd']);
  });

  test('merge adds new forms and new strengths without repeating', () => {
    expect(mergeForms([{ form: '肠溶片', strengths: ['0.3g'] }], [{ form: '肠溶片', strengths: ['0.3g', '0.1g'] }, { form: '眼膏剂', strengths: ['0.5%'] }])).toEqual([
      { form: '肠溶片', strengths: ['0.3g', '0.1g'] },
      { form: '眼膏剂', strengths: ['0.5%'] },
    ]);
  });
});
