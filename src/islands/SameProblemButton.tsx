import { solveChallenge } from 'altcha-lib/v1';
import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  /** The report's fields, as hidden inputs (sameProblemFields). */
  fields: Record<string, string>;
  /** The drug page to come back to from the acknowledgement. */
  back: string;
  /** "也遇到了 (n)" with its count filled in, and what a screen reader hears beside it (the problem and place). */
  label: string;
  description: string;
  solving: string;
  failed: string;
  honeypot: string;
}

/**
 * "也遇到了 (n)": server-rendered as a small POST form that works without JavaScript (the stricter no-script
 * rate limit applies then). Hydrated, it gives the form an idempotency key (a double tap is one report) and, on
 * the tap, solves the proof-of-work challenge before the form goes, so the report counts under the normal
 * limits. The answer is the server's acknowledgement page, with the count as stored.
 */
export default function SameProblemButton({ fields, back, label, description, solving, failed, honeypot }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const [key, setKey] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setKey(crypto.randomUUID());
  }, []);

  const onSubmit = async (event: SubmitEvent) => {
    const target = form.current;
    const altcha = target?.elements.namedItem('altcha') as HTMLInputElement | null;
    if (!target || !altcha || altcha.value) return;
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setStatus(solving);
    try {
      const challenge = await (await fetch('/api/reports/challenge', { credentials: 'same-origin' })).json();
      const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
      if (!solution) throw new Error('unsolved');
      altcha.value = btoa(JSON.stringify({ ...challenge, number: solution.number }));
    } catch {
      // Unsolved, the post still goes: the server takes it under the no-script limit.
      setStatus(failed);
    }
    target.submit();
  };

  const describedBy = `same-${fields.facilityId || fields.regionCode}-${fields.problem}`;
  return (
    <form ref={form} class="same-problem" method="post" action="/report/same" onSubmit={onSubmit}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="back" value={back} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="altcha" value="" />
      {/* Honeypot, as on the report form: off-screen and hidden from screen readers. */}
      <div class="honeypot" aria-hidden="true">
        <label>
          {honeypot} <input type="text" name="website" tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      <button type="submit" class="button secondary" aria-describedby={describedBy} disabled={busy}>
        {label}
      </button>
      <span id={describedBy} class="visually-hidden">
        {description}
      </span>
      <span class="same-problem-status" role="status">
        {status}
      </span>
    </form>
  );
}
