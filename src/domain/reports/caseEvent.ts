import { z } from 'zod';

/**
 * The timeline of a case. Each event may carry a public note (what the status page shows, e.g. the reply);
 * anything about staff or the citizen stays in the internal detail, which the public timeline never reads.
 */
export const caseEventKind = z.enum([
  'received',
  // Another citizen's report joined the case (也遇到了): staff and the monitoring intake see it, not the public.
  'joined',
  'assigned',
  'verifying',
  'result',
  'public_reply',
  'escalated',
  'reopened',
  'closed',
]);
export type CaseEventKind = z.infer<typeof caseEventKind>;

export const caseEventLabels: Record<CaseEventKind, string> = {
  received: '已受理',
  joined: '又有群众反映同一问题',
  assigned: '已分派经办人员',
  verifying: '正在核实',
  result: '核实结果',
  public_reply: '答复',
  escalated: '已转报上级',
  reopened: '群众反映问题未解决，重新办理',
  closed: '已办结',
};

/** What the citizen's status page leaves out: the count of others (shown beside it) says it without a list. */
export const internalOnlyEvents: readonly CaseEventKind[] = ['joined'];

export interface PublicTimelineEntry {
  kind: CaseEventKind;
  label: string;
  at: string;
  note: string | null;
}
