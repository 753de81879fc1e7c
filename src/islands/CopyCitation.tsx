import { Copy } from 'lucide-preact';
import { useEffect, useState } from 'preact/hooks';

interface Props {
  text: string;
  label: string;
  copied: string;
  failed: string;
}

/**
 * A one-tap copy of the citation line for journalists on a phone. The line itself is plain selectable text
 * on the page, so without JavaScript (or without clipboard access) nothing is lost; the button only appears
 * once it can work.
 */
export default function CopyCitation({ text, label, copied, failed }: Props) {
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState('');
  useEffect(() => setReady(typeof navigator !== 'undefined' && Boolean(navigator.clipboard)), []);
  if (!ready) return null;

  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setStatus(copied),
      () => setStatus(failed),
    );
  };

  return (
    <div>
      <button type="button" class="button secondary" onClick={copy}>
        <Copy size={18} aria-hidden="true" />
        {label}
      </button>
      <span class="copy-status" role="status" aria-live="polite">{status}</span>
    </div>
  );
}
