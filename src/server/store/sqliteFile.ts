/**
 * Which SQLite file a store opened, for the parts that open a connection of their own to it (the report writer
 * thread). Kept on globalThis: the start script and the server bundle load this module as two copies, and a
 * store opened by one is used by the other.
 */
const holder = globalThis as typeof globalThis & { __sqliteStoreFiles?: WeakMap<object, string> };

function files(): WeakMap<object, string> {
  holder.__sqliteStoreFiles ??= new WeakMap();
  return holder.__sqliteStoreFiles;
}

export function rememberSqliteFile(store: object, file: string): void {
  files().set(store, file);
}

/** The file behind a SQLite store, or undefined for PostgreSQL and for an in-memory store. */
export function sqliteFileOf(store: object): string | undefined {
  return files().get(store);
}
