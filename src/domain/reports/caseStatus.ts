import { z } from 'zod';

/**
 * A case's life: received (in the county's queue) → assigned (an officer took it) → verifying → verified (a
 * result is recorded) → replied (the public reply is out) → closed. Reopening sends it back to received.
 */
export const caseStatus = z.enum(['received', 'assigned', 'verifying', 'verified', 'replied', 'closed']);
export type CaseStatus = z.infer<typeof caseStatus>;

/** The statuses in which the verification deadline runs and the case escalates when it passes. */
export const awaitingVerification: readonly CaseStatus[] = ['received', 'assigned', 'verifying'];

export function isAwaitingVerification(status: CaseStatus): boolean {
  return awaitingVerification.includes(status);
}

/** Who holds the case: the county of the place first, then the city, then the province. */
export const caseLevel = z.enum(['county', 'city', 'province']);
export type CaseLevel = z.infer<typeof caseLevel>;

export const caseStatusLabels: Record<CaseStatus, string> = {
  received: '已受理',
  assigned: '已分派',
  verifying: '核实中',
  verified: '已核实',
  replied: '已答复',
  closed: '已办结',
};

export const caseLevelLabels: Record<CaseLevel, string> = { county: '县级', city: '市级', province: '省级' };

/** Verification results and actions an intake officer records (Chinese as staff see them). */
export const verificationResult = z.enum(['confirmed', 'not_confirmed', 'unverifiable']);
export type VerificationResult = z.infer<typeof verificationResult>;
export const verificationResultLabels: Record<VerificationResult, string> = {
  confirmed: '属实',
  not_confirmed: '不属实',
  unverifiable: '无法核实',
};

export const caseAction = z.enum(['reallocation', 'substitute_advice', 'price_referral', 'other']);
export type CaseAction = z.infer<typeof caseAction>;
export const caseActionLabels: Record<CaseAction, string> = {
  reallocation: '调剂',
  substitute_advice: '替代用药建议',
  price_referral: '价格调查移交',
  other: '其他',
};
