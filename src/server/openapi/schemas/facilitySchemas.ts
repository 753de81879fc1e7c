import { z } from 'zod';
import { facilityType, hospitalLevel, openingHours } from '../../../domain/facilities/facility.ts';
import type { FactStanding } from '../../../domain/stock/availabilityRanking.ts';
import { stockStatus } from '../../../domain/stock/stockStatus.ts';
import type { AvailabilitySummary } from '../../services/availability.ts';
import { isoInstant, type SameType } from './common.ts';

const standing = z.enum(['usable', 'low', 'call', 'disputed', 'out'] satisfies FactStanding[]).meta({
  description: 'usable 有货 · low 紧张 · call 报告已旧，先电话确认 · disputed 有群众反映缺货，先电话确认 · out 缺货',
});

/** What every stock fact carries: the status, how old the report is, who reported it, the price if any. */
const stockFact = {
  status: stockStatus,
  standing,
  reportedAt: isoInstant,
  reportAgeLabel: z.string().meta({ examples: ['4 小时前'] }),
  isStale: z.boolean(),
  disputed: z.boolean().meta({ description: '机构报告后有群众反映买不到 / citizens reported 买不到 since the facility\'s report' }),
  sourceLabel: z.string().meta({ description: '药店自报 / 卫健部门导入 / 演示数据' }),
  price: z.number().optional().meta({ description: '元，按报告的包装 / yuan per reported pack' }),
  priceUnit: z.string().optional(),
  priceLabel: z.string().optional().meta({ examples: ['¥16.20/盒（20 粒，¥0.81/粒）'] }),
};

/** Counted over every match, not only this page (AvailabilitySummary in src/server/services/availability.ts). */
const availabilitySummary = z.strictObject({
  usable: z.number().int().meta({ description: '新鲜的有货报告数 / fresh 有货 facts' }),
  usableOpenNow: z.number().int().meta({ description: '其中现在营业的 / of which open now' }),
  nearestUsableKm: z.number().nullable().meta({ description: '最近的有货机构（按位置查询时）/ nearest fresh 有货, point mode only' }),
  nearestUsableOpenNow: z.boolean().nullable().meta({ description: '最近的那家现在是否营业；营业时间未知或按地区查询时为 null / whether it is open now' }),
  toCall: z.number().int().meta({ description: '紧张、报告已旧或有群众反映缺货，建议先电话确认 / 紧张, stale or disputed: phone first' }),
  newestUsableAgeLabel: z.string().nullable(),
});
// The schema and the service's type name the same fields with the same types, or this does not compile.
const summaryIsTheServices: SameType<z.infer<typeof availabilitySummary>, AvailabilitySummary> = true;
void summaryIsTheServices;

const countyCode = z.string().regex(/^\d{6}$/).meta({ description: '县级行政区划代码 / county code', examples: ['360203'] });

export const availabilityResponse = z.strictObject({
  drugId: z.string(),
  orderedBy: z.enum(['distance', 'status']),
  radiusKm: z.number().nullable(),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
  facilities: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      type: facilityType,
      level: hospitalLevel.nullable(),
      ...stockFact,
      distanceKm: z.number().nullable(),
      phone: z.string().nullable(),
      address: z.string(),
      countyCode,
      lat: z.number(),
      lng: z.number(),
      insuranceDesignated: z.boolean(),
      openNow: z.boolean().nullable(),
      hours: z.string(),
      isDemo: z.boolean(),
    }),
  ),
  summary: availabilitySummary,
});

export const facilityResponse = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: facilityType,
  level: hospitalLevel.nullable(),
  address: z.string(),
  countyCode,
  townshipCode: z.string().regex(/^\d{9}$/).nullable().meta({ description: '乡镇街道统计用区划代码 / township code' }),
  lat: z.number(),
  lng: z.number(),
  phone: z.string().nullable(),
  openingHours: openingHours.strict(),
  insuranceDesignated: z.boolean(),
  isDemo: z.boolean(),
  creditCode: z.string().nullable().meta({ description: '统一社会信用代码（登记有的才有）/ unified social credit code, where the register has it' }),
  licenceNumber: z.string().nullable().meta({ description: '医疗机构执业许可证登记号 / medical institution licence number' }),
  hours: z.string(),
  mapLinks: z.strictObject({ amap: z.string(), baidu: z.string(), tencent: z.string() }),
  stockTotal: z.number().int(),
  stock: z.array(z.strictObject({ drugId: z.string(), drugName: z.string(), ...stockFact })),
});
