/**
 * The phone's own IndexedDB: reports waiting for signal and their acknowledgements, and the watch list. Shared
 * by the pages and the service worker (both have IndexedDB), so a report queued by a page can be sent by the
 * worker's Background Sync. Nothing here ever goes to the Cache Storage the offline copies live in.
 */

const databaseName = 'portal-device';
const version = 1;

export const outboxStore = 'reportOutbox';
export const watchStore = 'watchList';
type StoreName = typeof outboxStore | typeof watchStore;

function openDevice(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName, version);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(outboxStore)) db.createObjectStore(outboxStore, { keyPath: 'idempotencyKey' });
      if (!db.objectStoreNames.contains(watchStore)) db.createObjectStore(watchStore, { keyPath: 'drugId' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(name: StoreName, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDevice();
  try {
    return await done(work(db.transaction(name, mode).objectStore(name)));
  } finally {
    db.close();
  }
}

export function readAll<T>(name: StoreName): Promise<T[]> {
  return withStore(name, 'readonly', (store) => store.getAll() as IDBRequest<T[]>);
}

export function readOne<T>(name: StoreName, key: string): Promise<T | undefined> {
  return withStore(name, 'readonly', (store) => store.get(key) as IDBRequest<T | undefined>);
}

export async function put<T>(name: StoreName, value: T): Promise<void> {
  await withStore(name, 'readwrite', (store) => store.put(value));
}

export async function remove(name: StoreName, key: string): Promise<void> {
  await withStore(name, 'readwrite', (store) => store.delete(key));
}
