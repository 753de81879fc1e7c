import { translator } from './t.ts';

/**
 * Strings for the phone app: reports kept for later, the update prompt, the install hint and the watch list.
 * Read by islands and browser scripts too, so it stays a plain table without server imports.
 */
export const mobileZhCN = {
  'outbox.queued': '已保存，联网后自动提交',
  'outbox.queuedDetail': '“{drug}”的反映保存在本机，网络恢复后会自动提交，提交后在这里显示受理编号和查询码。',
  'outbox.deliveredTitle': '您离线时填写的反映已提交',
  'outbox.trackingNumber': '受理编号',
  'outbox.checkCode': '查询码',
  'outbox.keepCode': '请记下查询码，凭受理编号和查询码查看办理进度。查询码只保存在本机，关闭后不再显示。',
  'outbox.statusLink': '查看办理进度',
  'outbox.seen': '我已记下',
  'outbox.refusedTitle': '离线时填写的反映未被接受',
  'outbox.refill': '重新填写',
  'outbox.dismiss': '知道了',
  'update.available': '有新版本，点此更新',
  'install.text': '把“查药品”添加到手机桌面，下次一点就能打开，没有网络也能看保存的页面。',
  'install.add': '添加到桌面',
  'install.dismiss': '不用了',
} as const;

export type MobileStringKey = keyof typeof mobileZhCN;
export const mt = translator(mobileZhCN);
