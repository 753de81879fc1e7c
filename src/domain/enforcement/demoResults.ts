import type { EnforcementAction } from './enforcementResult.ts';

/**
 * Demo enforcement results, loaded only with the demo data. Every one says 示例 in its title and body and
 * names no real business, so that nobody mistakes it for what an authority found.
 */
export interface DemoEnforcementResult {
  slug: string;
  title: string;
  finding: string;
  action: EnforcementAction;
  party: string;
  regionCode: string;
  /** Generic names; the seed looks up their ids in the catalogue. */
  drugNames: string[];
  bodyMd: string;
  /** Days before the seed's time that it was acted on and published. */
  daysAgo: number;
}

export const demoEnforcementResults: readonly DemoEnforcementResult[] = [
  {
    slug: 'demo-buluofen-jiage',
    title: '示例：珠山区某药店布洛芬价格上涨幅度异常的处理结果',
    finding: '价格上涨幅度异常',
    action: 'inquiry',
    party: '示例药店（演示数据）',
    regionCode: '360203',
    drugNames: ['布洛芬'],
    bodyMd:
      '**本条为演示数据（示例），不是真实的整治结果。**\n\n群众反映某药店布洛芬售价一周内上涨较多。经核查，该店进货价未见明显变化。区卫生健康委已对该店负责人函询约谈，要求说明定价依据并恢复合理价格。\n\n该店已于约谈后三日内调回原价。',
    daysAgo: 5,
  },
  {
    slug: 'demo-amoxilin-chayi',
    title: '示例：乐平市阿莫西林零售价格区域差异较大的处理结果',
    finding: '区域间价格差异较大',
    action: 'cost_survey',
    party: '',
    regionCode: '360281',
    drugNames: ['阿莫西林'],
    bodyMd:
      '**本条为演示数据（示例），不是真实的整治结果。**\n\n监测发现乐平市部分零售药店阿莫西林价格明显高于全市中位价。市卫生健康委已会同有关部门开展成本调查，结果将另行公布。',
    daysAgo: 12,
  },
];
