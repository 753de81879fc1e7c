import { shanghaiInputToIso } from '../domain/time/shanghaiTime.ts';
import { queueReport } from '../sw/reportOutbox.ts';
import { solveReportChallenge } from '../sw/solveReportChallenge.ts';
import { solveInWorker } from '../sw/solveInWorker.ts';
import { useEffect, useState } from 'preact/hooks';

interface Suggestion {
  id: string;
  name: string;
}

const debounceMs = 200;

/** The form's fields as typed, for the outbox; the proof of work is solved afresh when it is sent. */
async function keepForLater(form: HTMLFormElement): Promise<void> {
  const fields: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string' && name !== 'altcha' && name !== 'idempotencyKey') fields[name] = value;
  fields.seenAt = shanghaiInputToIso(fields.seenAt ?? '');
  const idempotencyKey = String(new FormData(form).get('idempotencyKey') ?? '');
  await queueReport({ idempotencyKey, fields, queuedAt: new Date().toISOString() });
  // The outbox notice at the top of the page now says "已保存，联网后自动提交"; the form has done its job.
  form.hidden = true;
  document.getElementById('report-outbox')?.focus();
}

/**
 * Enhances the server-rendered report form (which works without it): solves the proof-of-work challenge in
 * the background while the citizen types, and suggests catalogue drugs as the drug name is typed (a native
 * <datalist>, which screen readers and large-text mode handle as they do any input). Choosing a suggestion
 * fills the hidden drugId; typing something else clears it, so free text stays free text. Without signal, a
 * submit keeps the report on the phone and the outbox sends it when the connection returns.
 */
export default function ReportFormEnhancer() {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);

  useEffect(() => {
    const altcha = document.getElementById('altcha') as HTMLInputElement | null;
    const state = document.getElementById('challenge-state');
    if (!altcha) return;
    let cancelled = false;
    if (state) state.textContent = '正在进行安全验证…';
    solveReportChallenge(solveInWorker)
      .then((solved) => {
        if (cancelled) return;
        altcha.value = solved;
        if (state) state.textContent = '安全验证已完成';
      })
      .catch(() => {
        // Offline, or the challenge failed: a submit then keeps the report on the phone (keepForLater) or,
        // online, goes the no-script way, which the server accepts under a tighter limit.
        if (state) state.textContent = '';
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    const form = document.getElementById('report-form') as HTMLFormElement | null;
    if (!form) return;
    const onSubmit = (event: SubmitEvent) => {
      if (navigator.onLine) return;
      // No signal: the post would fail and the citizen lose what they wrote. Keep it and send it later.
      event.preventDefault();
      void keepForLater(form);
    };
    form.addEventListener('submit', onSubmit);
    return () => form.removeEventListener('submit', onSubmit);
  }, []);

  useEffect(() => {
    const input = document.getElementById('drugName') as HTMLInputElement | null;
    const drugId = document.getElementById('drugId') as HTMLInputElement | null;
    if (!input || !drugId) return;
    input.setAttribute('list', 'drug-suggestions');
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest: Suggestion[] = [];
    const onInput = () => {
      const chosen = latest.find((s) => s.name === input.value);
      drugId.value = chosen ? chosen.id : '';
      clearTimeout(timer);
      const q = input.value.trim();
      if (chosen || q.length === 0) return;
      timer = setTimeout(async () => {
        const response = await fetch(`/api/search?q=${encodeURIComponent(q)}&limit=6`).catch(() => null);
        if (!response?.ok) return;
        const body = (await response.json()) as { hits: Suggestion[] };
        latest = body.hits.map((h) => ({ id: h.id, name: h.name }));
        setSuggestions(latest);
      }, debounceMs);
    };
    input.addEventListener('input', onInput);
    return () => input.removeEventListener('input', onInput);
  }, []);

  return (
    <datalist id="drug-suggestions">
      {suggestions.map((s) => (
        <option key={s.id} value={s.name} />
      ))}
    </datalist>
  );
}
