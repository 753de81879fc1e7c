import { z } from 'zod';
import { caseEventKind } from '../../../domain/reports/caseEvent.ts';
import { caseAction, caseLevel, caseStatus, verificationResult } from '../../../domain/reports/caseStatus.ts';
import { problemKind } from '../../../domain/reports/problemKind.ts';
import { isoInstant } from './common.ts';

export const reportChallenge = z.strictObject({
  algorithm: z.literal('SHA-256'),
  challenge: z.string(),
  maxnumber: z.number().int(),
  salt: z.string(),
  signature: z.string(),
});

export const reportAcknowledgement = z.strictObject({
  trackingNumber: z.string().meta({ examples: ['JDZ-20261203-0002'] }),
  checkCode: z.string().meta({ examples: ['JM5NC7HW'] }),
  statusUrl: z.string(),
});

export const reportStatusResponse = z.strictObject({
  trackingNumber: z.string(),
  drugName: z.string(),
  problem: problemKind,
  problemLabel: z.string(),
  receivedAt: isoInstant,
  status: caseStatus,
  statusLabel: z.string(),
  level: caseLevel,
  levelLabel: z.string(),
  deadlineAt: isoInstant,
  reportCount: z.number().int(),
  timeline: z.array(z.strictObject({ kind: caseEventKind, label: z.string(), at: isoInstant, note: z.string().nullable() })),
});

export const intakeReportsResponse = z.strictObject({
  reports: z.array(
    z.strictObject({
      trackingNumber: z.string(),
      drugId: z.string().nullable(),
      drugName: z.string(),
      problem: problemKind,
      facilityId: z.string().nullable(),
      countyCode: z.string().regex(/^\d{6}$/),
      place: z.string().nullable(),
      seenAt: isoInstant,
      priceFen: z.number().int().nullable(),
      pricePack: z.string().nullable(),
      description: z.string().nullable(),
      duplicate: z.boolean(),
      receivedAt: isoInstant,
      updatedAt: isoInstant,
      phone: z.string().nullable().optional().meta({ description: '仅当令牌允许个人信息 / only for tokens allowed personal data' }),
      case: z.strictObject({
        id: z.number().int(),
        status: caseStatus,
        level: caseLevel,
        deadlineAt: isoInstant,
        result: verificationResult.nullable(),
        action: caseAction.nullable(),
        reportCount: z.number().int(),
        reopenCount: z.number().int(),
      }),
    }),
  ),
  nextCursor: z.string().nullable(),
});
