/**
 * Strings of the two-person rule's pending corrections and withdrawals, the same for every content type that
 * uses the publishing workflow (clarifications, notices): each type's table spreads these in.
 */
export const revisionsZhCN = {
  'revision.correctionTitle': '待审核的更正',
  'revision.withdrawalTitle': '待审核的撤回申请',
  'revision.hint': '公众现在看到的仍是已发布的版本。须由提出人以外的审核人批准后才生效；驳回则丢弃，公开内容不变。',
  'revision.proposedBy': '提出人',
  'revision.proposedAt': '提出时间',
  'revision.note': '更正说明（批准后公开）',
  'revision.reason': '撤回原因（批准后公开）',
  'revision.changes': '与已发布版本相比的改动',
  'revision.field': '项目',
  'revision.before': '已发布',
  'revision.after': '拟改为',
  'revision.body': '正文逐行对比',
  'revision.bodySame': '正文未改动。',
  'revision.removed': '删除：',
  'revision.added': '新增：',
  'revision.approveCorrection': '批准更正',
  'revision.approveWithdrawal': '批准撤回',
  'revision.reject': '驳回',
  'revision.rejectReason': '驳回理由（告知提出人）',
  'error.stale_revision': '您看到的版本在此之后已被修改，操作未执行。请核对下面的最新内容后再决定。',
  'error.revision_pending': '已有一项更正或撤回申请在等待审核，请先由另一位审核人批准或驳回。',
  'error.no_pending_revision': '没有等待审核的更正或撤回申请，可能已有同事处理，请刷新页面。',
} as const;

export type RevisionStringKey = keyof typeof revisionsZhCN;
