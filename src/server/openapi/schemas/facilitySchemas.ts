import { z } from 'zod';
import { facilityType, hospitalLevel, openingHours } from '../../../domain/facilities/facility.ts';
import type { FactStanding } from '../../../domain/stock/availabilityRanking.ts';
import { stockStatus } from '../../../domain/stock/stockStatus.ts';
import { isoInstant } from './common.ts';

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
  summary: z.strictObject({ usable: z.number().int(), nearestUsableKm: z.number().nullable(), newestUsableAgeLabel: z.string().nullable() }),
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
