import { z } from 'zod';
import { drugIdParam } from '../drugs/drugIdParam.ts';
import { facilityIdParam } from '../facilities/facilityIdParam.ts';
import { lineField, paragraphField } from './citizenText.ts';
import { mobilePhone } from './phoneNumber.ts';
import { problemKind } from './problemKind.ts';

/** Length limits: enough for a drug name with its strength and a few sentences, not for pasted documents. */
export const reportLimits = { drugName: 60, place: 80, description: 500, pricePack: 40 } as const;

const optionalLine = (label: string, max: number) =>
  lineField(label, max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** Forms send empty strings for untouched fields; those mean "not given", anything else must match. */
function blankAsMissing(schema: z.ZodType<string, string>, message: string) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      const trimmed = value?.trim();
      if (!trimmed) return undefined;
      const parsed = schema.safeParse(trimmed);
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    });
}

/** Prices are typed in yuan (12.5) and stored in fen (1250): no floating point past this boundary. */
const priceYuan = z
  .union([z.number(), z.string().transform((v) => v.trim())])
  .transform((v) => (v === '' ? undefined : Number(v)))
  .pipe(
    z
      .number({ message: '看到的价格应为数字，单位元，例如 12.5' })
      .min(0, '看到的价格不能是负数')
      .max(100_000, '看到的价格超过 10 万元，请核对')
      .optional(),
  )
  .transform((v) => (v === undefined ? undefined : Math.round(v * 100)));

// The `now` of the parse under way. zod compiles a schema on its first parse, and building one per report cost
// about 2 ms, most of a report's CPU time; so there is one schema, and its time checks read the clock set just
// before each parse. safeParse is synchronous (no async refinements here), so two parses never interleave.
let clock = new Date();

const reportFields = z
  .object({
    drugId: blankAsMissing(drugIdParam, '药品编号格式不正确'),
    drugName: lineField('药品名称', reportLimits.drugName).pipe(z.string().min(1, '请填写药品名称')),
    problem: problemKind,
    facilityId: blankAsMissing(facilityIdParam, '医疗机构编号格式不正确'),
    regionCode: blankAsMissing(z.string().regex(/^\d{6}$/), '请选择所在县（市、区）'),
    place: optionalLine('地点名称', reportLimits.place),
    seenAt: z.coerce
      .date({ message: '请填写发现问题的时间' })
      .refine((d) => d.getTime() <= clock.getTime() + 10 * 60_000, '发现问题的时间不能晚于现在')
      .refine((d) => d.getTime() >= clock.getTime() - 366 * 86_400_000, '发现问题的时间不能早于一年前'),
    price: priceYuan.optional(),
    pricePack: optionalLine('价格对应的包装', reportLimits.pricePack),
    description: paragraphField('情况说明', reportLimits.description)
      .optional()
      .transform((v) => (v ? v : undefined)),
    phone: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v : undefined))
      .pipe(mobilePhone.optional()),
  })
  .refine((r) => r.facilityId || r.regionCode, {
    message: '请选择医疗机构，或选择所在县（市、区）',
    path: ['regionCode'],
  });

/**
 * A citizen report as the form or the API submits it. Either a facility from the register or a county (with an
 * optional place name) says where; the time seen may not lie in the future (a few minutes of clock skew allowed).
 */
export function reportInputSchema(now: Date) {
  return {
    safeParse(input: unknown): ReturnType<typeof reportFields.safeParse> {
      clock = now;
      return reportFields.safeParse(input);
    },
  };
}

export type ReportInput = z.infer<typeof reportFields>;

/** The schema itself, for describing the API (OpenAPI); parse through reportInputSchema, which sets its clock. */
export const reportInputDescription = reportFields;
