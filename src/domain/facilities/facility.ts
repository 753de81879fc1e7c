import { z } from 'zod';
import { creditCode, licenceNumber } from './registrationNumbers.ts';

/** 医院 / 基层医疗卫生机构 / 零售药店 / 医邮合作药房 */
export const facilityType = z.enum([
  'hospital', // 医院 (三级/二级)
  'community_health_center', // 社区卫生服务中心
  'township_health_center', // 乡镇卫生院
  'village_clinic', // 村卫生室
  'retail_pharmacy', // 零售药店
  'post_office_pharmacy', // 医邮合作药房
]);
export type FacilityType = z.infer<typeof facilityType>;

export const hospitalLevel = z.enum(['tertiary', 'secondary', 'primary']);
export type HospitalLevel = z.infer<typeof hospitalLevel>;

/** Opening hours as one weekly rule set; "closed" days are absent. Times are Asia/Shanghai wall clock. */
export const openingHours = z.object({
  /** 0 = Sunday … 6 = Saturday */
  days: z.array(z.object({ day: z.number().int().min(0).max(6), open: z.string().regex(/^\d\d:\d\d$/), close: z.string().regex(/^\d\d:\d\d$/) })),
  /** True for 24-hour emergency pharmacies and hospital emergency departments. */
  allDay: z.boolean().default(false),
  note: z.string().nullable().default(null),
});
export type OpeningHours = z.infer<typeof openingHours>;

export const facility = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]{2,40}$/),
  name: z.string().min(2),
  type: facilityType,
  level: hospitalLevel.nullable(),
  address: z.string().min(2),
  /** County-level administrative code (6 digits), e.g. 360203 珠山区 */
  countyCode: z.string().regex(/^\d{6}$/),
  /** Township statistical code (9 digits) where known */
  townshipCode: z.string().regex(/^\d{9}$/).nullable(),
  /** WGS-84 */
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  phone: z.string().nullable(),
  openingHours: openingHours,
  /** 医保定点 */
  insuranceDesignated: z.boolean(),
  isDemo: z.boolean(),
  /** 统一社会信用代码, where the register has it (optional so that registers without it still load). */
  creditCode: creditCode.nullish(),
  /** 医疗机构执业许可证登记号, where the register has it. */
  licenceNumber: licenceNumber.nullish(),
});
export type Facility = z.infer<typeof facility>;
