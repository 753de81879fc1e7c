import type { Workbox } from 'workbox-window';
import { mt } from '../i18n/mobile.zh-CN.ts';
import { hasUnsavedInput } from './unsavedInput.ts';

/**
 * A new version of the portal is installed and waiting. Say so quietly, and switch only when the citizen taps:
 * the waiting worker is told to take over, and the page reloads once it controls it. Never while a form has
 * unsaved input — the prompt comes back on the next page, where the worker is still waiting.
 */
export function offerUpdate(workbox: Workbox, slot: HTMLElement | null): void {
  if (!slot) return;
  const show = () => {
    if (hasUnsavedInput()) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'update-prompt';
    button.textContent = mt('update.available');
    button.addEventListener('click', () => {
      button.disabled = true;
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    });
    slot.replaceChildren(button);
    slot.hidden = false;
  };
  workbox.addEventListener('waiting', show);
  // Typing after the prompt appeared: take it away rather than invite a reload that loses the input.
  document.addEventListener('input', () => {
    if (!slot.hidden && hasUnsavedInput()) slot.hidden = true;
  });
}
