import { solveChallenge } from 'altcha-lib/v1';
import { useEffect, useState } from 'preact/hooks';

interface Suggestion {
  id: string;
  name: string;
}

const debounceMs = 200;

/**
 * Enhances the server-rendered report form (which works without it): solves the proof-of-work challenge in
 * the background while the citizen types, and suggests catalogue drugs as the drug name is typed (a native
 * <datalist>, which screen readers and large-text mode handle as they do any input). Choosing a suggestion
 * fills the hidden drugId; typing something else clears it, so free text stays free text.
 */
export default function ReportFormEnhancer() {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);

  useEffect(() => {
    const altcha = document.getElementById('altcha') as HTMLInputElement | null;
    const state = document.getElementById('challenge-state');
    if (!altcha) return;
    let cancelled = false;
    const solve = async () => {
      if (state) state.textContent = '正在进行安全验证…';
      const challenge = await (await fetch('/api/reports/challenge', { credentials: 'same-origin' })).json();
      const { promise } = solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber);
      const solution = await promise;
      if (cancelled || !solution) return;
      altcha.value = btoa(JSON.stringify({ ...challenge, number: solution.number, took: solution.took }));
      if (state) state.textContent = '安全验证已完成';
    };
    solve().catch(() => {
      // Without a solved challenge the post goes the no-script way, which the server accepts under a tighter limit.
      if (state) state.textContent = '';
    });
    return () => {
      cancelled = true;
    };
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
