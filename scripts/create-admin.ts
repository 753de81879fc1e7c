/**
 * Creates a back-office admin account, e.g. the very first one:
 *
 *   node scripts/create-admin.ts --username zhang.wei --region 3602 --name 张伟
 *
 * The password is asked for twice with the typing hidden, or taken from ADMIN_PASSWORD when run by automation.
 * There is no default password: without a terminal and without ADMIN_PASSWORD the script refuses to run.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, config } from '../src/server/config.ts';
import { AdminSetupError, createAdminAccount } from '../src/server/staff/firstAdmin.ts';
import { openStore } from '../src/server/store/openStore.ts';

/** Reads a line without echoing it; raw mode so that the password never appears on screen or in scrollback. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.reject(new AdminSetupError('没有终端可以输入密码：请设置 ADMIN_PASSWORD 环境变量'));
  // Raw mode before the prompt appears, so that nothing typed the moment it shows is echoed.
  stdin.setRawMode(true);
  process.stdout.write(question);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (result: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
      result();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish(() => resolve(typed));
        if (char === '\u0003') return finish(() => reject(new AdminSetupError('已取消')));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  // A one-off secret for this command, not portal configuration, so it is read here and not in server/config.
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const first = await promptHidden('密码（至少 12 个字符，输入时不显示）：');
  const second = await promptHidden('再次输入密码：');
  if (first !== second) throw new AdminSetupError('两次输入的密码不一致');
  return first;
}

async function main(): Promise<void> {
  const usage = '用法：node scripts/create-admin.ts --username zhang.wei --region 3602 --name 张伟';
  let values: { username?: string | undefined; region?: string | undefined; name?: string | undefined };
  try {
    ({ values } = parseArgs({ options: { username: { type: 'string' }, region: { type: 'string' }, name: { type: 'string' } } }));
  } catch (error) {
    throw new AdminSetupError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  if (!values.username || !values.region || !values.name) throw new AdminSetupError(usage);
  const password = await readPassword();
  const store = await openStore(config());
  try {
    const account = await createAdminAccount(
      store,
      { username: values.username, displayName: values.name, regionCode: values.region, password },
      join(process.cwd(), 'data'),
    );
    console.log(`已创建管理员账号 ${account.username}（${account.displayName}，地区 ${account.regionCode}）。请在 /staff/login 登录并开启两步验证。`);
  } finally {
    await store.destroy();
  }
}

main().catch((error: unknown) => {
  if (error instanceof AdminSetupError || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
