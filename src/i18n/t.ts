import { type StringKey, zhCN } from './zh-CN.ts';

/** Looks up a UI string and fills `{name}` placeholders. */
export function t(key: StringKey, values: Record<string, string | number> = {}): string {
  return zhCN[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/**
 * One look-up for every area's strings table (`{name}` placeholders filled the same way as t()), so a new
 * area adds a table, not another copy of this function.
 */
export function translator<K extends string>(table: Record<K, string>) {
  return (key: K, values: Record<string, string | number> = {}): string =>
    table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
