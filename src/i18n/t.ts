import { type StringKey, zhCN } from './zh-CN.ts';

/** Looks up a UI string and fills `{name}` placeholders. */
export function t(key: StringKey, values: Record<string, string | number> = {}): string {
  return zhCN[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
