import { formatShanghaiTime } from '../../domain/time/shanghaiTime.ts';
import { auditActionLabel } from '../../i18n/staff.zh-CN.ts';
import { csvRow } from '../../domain/text/csvCells.ts';
import type { AuditRecord } from '../store/auditLogStore.ts';

export { csvCell, csvRow } from '../../domain/text/csvCells.ts';

const header = [
  '编号',
  '时间（北京时间）',
  'UTC 时间',
  '操作人',
  '操作人编号',
  'IP 地址',
  '操作',
  '操作代码',
  '地区代码',
  '对象类型',
  '对象编号',
  '变更前',
  '变更后',
  '详情',
];

function auditRow(e: AuditRecord): string {
  const json = (v: Record<string, unknown> | null) => (v === null ? null : JSON.stringify(v));
  return csvRow([
    e.id,
    formatShanghaiTime(e.at),
    e.at,
    e.actorUsername,
    e.actorId,
    e.ip,
    auditActionLabel(e.action),
    e.action,
    e.regionCode,
    e.targetType,
    e.targetId,
    json(e.before),
    json(e.after),
    json(e.detail),
  ]);
}

/**
 * UTF-8 with a byte-order mark and CRLF line ends: without the BOM, Excel on a Chinese Windows opens the file
 * as GBK and every name turns to mojibake.
 */
export function auditCsvStream(entries: AsyncIterable<AuditRecord>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = entries[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvRow(header)}`));
        return;
      }
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(auditRow(next.value)));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}
