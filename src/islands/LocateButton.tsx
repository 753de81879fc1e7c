import { LocateFixed } from 'lucide-preact';
import { useState } from 'preact/hooks';

interface Props {
  label: string;
  locating: string;
  denied: string;
  /** Where the link leads without JavaScript or geolocation: the county picker. */
  fallbackHref: string;
}

/**
 * Server-rendered as a link to the county picker, so it takes its place before any script runs (no layout
 * shift) and works without JavaScript. Once hydrated, a tap asks for the location instead, never on load; the
 * position goes into the page's own query string, so the list itself is still rendered by the server.
 */
export default function LocateButton({ label, locating, denied, fallbackHref }: Props) {
  const [status, setStatus] = useState('');

  const locate = (event: MouseEvent) => {
    if (typeof navigator === 'undefined' || !('geolocation' in navigator)) return;
    event.preventDefault();
    setStatus(locating);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const url = new URL(window.location.href);
        url.searchParams.set('lat', position.coords.latitude.toFixed(5));
        url.searchParams.set('lng', position.coords.longitude.toFixed(5));
        url.searchParams.delete('region');
        url.searchParams.delete('page');
        url.hash = 'where';
        window.location.assign(url.toString());
      },
      () => setStatus(denied),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  };

  return (
    <div class="locate">
      <a href={fallbackHref} class="button" onClick={locate}>
        <LocateFixed size={20} aria-hidden="true" />
        {label}
      </a>
      <p class="search-status" role="status" aria-live="polite">{status}</p>
    </div>
  );
}
