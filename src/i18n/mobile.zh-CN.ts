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
  'watch.add': '关注',
  'watch.added': '已关注（点此取消）',
  'watch.addedNote': '已在本机关注{drug}（{area}）。打开首页即可看到最新有货情况和变化。',
  'watch.removedNote': '已取消关注{drug}。',
  'watch.needArea': '选择县（市、区）或使用您的位置后，可以关注这个药品在该地区的有货情况。',
  'watch.title': '我关注的药品',
  'watch.count': '现在 {n} 家有货',
  'watch.none': '现在没有新近有货的报告',
  'watch.offline': '暂时无法联网，上次查看（{age}）时 {n} 家有货',
  'watch.lastLook': '上次查看（{age}）时 {n} 家有货，请联网确认',
  'watch.neverLooked': '还没有查看过',
  'watch.stop': '取消关注',
  'alert.subscribe': '订阅到货提醒',
  'alert.email': '邮箱（可选）',
  'alert.emailHint': '填写后提醒也发到邮箱；不填只用订阅地址。退订时邮箱一并删除。',
  'alert.subscribeHint': '这个地区从没有新近有货变为有货时提醒您（私人订阅地址，无需注册，每天最多一次）。',
  'alert.api.tooLarge': '请求内容过大（最多 2 KB）/ body over 2 KB',
  'alert.api.invalidJson': '请求内容不是有效的 JSON 对象 / the body is not a JSON object',
  'alert.api.unknownToken': '没有这个订阅，可能已经退订 / no such subscription, perhaps already unsubscribed',
} as const;

export type MobileStringKey = keyof typeof mobileZhCN;
export const mt = translator(mobileZhCN);
