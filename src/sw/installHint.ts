import { mayOfferInstall } from '../domain/offline/installHint.ts';
import { mt } from '../i18n/mobile.zh-CN.ts';
import { hasUnsavedInput } from './unsavedInput.ts';

/**
 * A small, dismissible hint to add the portal to the home screen, where the browser offers installing
 * (`beforeinstallprompt`, Chromium-based browsers). Never a modal, never on a first visit; "不用了" is
 * remembered on the phone. Visits are counted once per browsing session.
 */
const visitsKey = 'portal.visits';
const dismissedKey = 'portal.installHintDismissed';
/** Set by the watch button: someone who watches a drug will come back. */
export const watchingKey = 'portal.watching';

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
}

function countVisit(): number {
  const visits = Number(localStorage.getItem(visitsKey) ?? '0') || 0;
  if (sessionStorage.getItem(visitsKey)) return visits;
  sessionStorage.setItem(visitsKey, '1');
  localStorage.setItem(visitsKey, String(visits + 1));
  return visits + 1;
}

function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

export function offerInstall(slot: HTMLElement | null): void {
  if (!slot) return;
  let visits = 0;
  try {
    visits = countVisit();
  } catch {
    return; // Storage blocked: the hint could not be remembered as dismissed, so it is better not shown.
  }
  window.addEventListener('beforeinstallprompt', (event) => {
    const state = { visits, watching: localStorage.getItem(watchingKey) === '1', dismissed: localStorage.getItem(dismissedKey) === '1' };
    if (!mayOfferInstall(state) || hasUnsavedInput()) return;
    // Keep the browser's own banner back; ours is smaller and says why.
    event.preventDefault();
    const install = event as InstallPromptEvent;
    const close = () => {
      slot.hidden = true;
      localStorage.setItem(dismissedKey, '1');
    };
    const text = document.createElement('p');
    text.textContent = mt('install.text');
    slot.replaceChildren(
      text,
      button(mt('install.add'), 'button', () => {
        close();
        void install.prompt().catch(() => undefined);
      }),
      button(mt('install.dismiss'), 'button secondary', close),
    );
    slot.hidden = false;
  });
  window.addEventListener('appinstalled', () => {
    slot.hidden = true;
  });
}
