import { mt } from '../i18n/mobile.zh-CN.ts';
import { solveInWorker } from './solveInWorker.ts';
import { deliverQueuedReports, forgetReport, type OutboxEntry, outboxChannel, outboxEntries } from './reportOutbox.ts';

/**
 * Shows, on every page, what became of the reports written without signal: waiting, sent (with the tracking
 * number and the personal check code, until the citizen says they have noted it) or refused. Built with DOM
 * calls so no report text is ever parsed as HTML.
 */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function forgetButton(entry: OutboxEntry, label: string): HTMLButtonElement {
  const button = element('button', label, 'button secondary');
  button.type = 'button';
  button.addEventListener('click', () => void forgetReport(entry.idempotencyKey));
  return button;
}

function entryView(entry: OutboxEntry): HTMLElement {
  const box = element('div', undefined, `outbox-entry outbox-${entry.state}`);
  if (entry.state === 'queued') {
    box.append(element('p', mt('outbox.queued'), 'outbox-title'), element('p', mt('outbox.queuedDetail', { drug: entry.fields.drugName ?? '' })));
  } else if (entry.state === 'delivered') {
    const codes = element('dl', undefined, 'report-codes');
    codes.append(
      element('dt', mt('outbox.trackingNumber')),
      element('dd', entry.acknowledgement.trackingNumber, 'outbox-tracking-number'),
      element('dt', mt('outbox.checkCode')),
      element('dd', entry.acknowledgement.checkCode, 'outbox-check-code'),
    );
    const link = element('a', mt('outbox.statusLink'));
    link.href = entry.acknowledgement.statusUrl;
    box.append(element('p', mt('outbox.deliveredTitle'), 'outbox-title'), codes, element('p', mt('outbox.keepCode')), link, forgetButton(entry, mt('outbox.seen')));
  } else {
    const link = element('a', mt('outbox.refill'));
    link.href = '/report';
    box.append(element('p', mt('outbox.refusedTitle'), 'outbox-title'), element('p', entry.message), link, forgetButton(entry, mt('outbox.dismiss')));
  }
  return box;
}

async function render(container: HTMLElement): Promise<void> {
  const entries = await outboxEntries().catch(() => []);
  container.replaceChildren(...entries.map(entryView));
  container.hidden = entries.length === 0;
}

/** Renders the outbox, sends what waits now and whenever the connection returns, and follows other pages' sends. */
export function startReportOutbox(container: HTMLElement | null): void {
  if (!container || !('indexedDB' in window)) return;
  const deliver = () => {
    if (navigator.onLine) void deliverQueuedReports(solveInWorker).then(() => render(container));
  };
  if (typeof BroadcastChannel !== 'undefined') new BroadcastChannel(outboxChannel).addEventListener('message', () => void render(container));
  window.addEventListener('online', deliver);
  void render(container).then(deliver);
}
