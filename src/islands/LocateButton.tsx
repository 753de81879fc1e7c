import { LocateFixed } from 'lucide-preact';
import { useEffect, useState } from 'preact/hooks';

interface Props {
  label: string;
  locating: string;
  denied: string;
}

/**
 * Location is asked only when the user taps, never on load. The position goes into the page's own query
 * string, so the list itself is still rendered by the server. Without JavaScript the button would do nothing,
 * so it appears only once hydrated; the region form below works either way.
 */
export default function LocateButton({ label, locating, denied }: Props) {
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState('');
  useEffect(() => setReady('geolocation' in navigator), []);
  if (!ready) return null;

  const locate = () => {
    setStatus(locating);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const url = new URL(window.location.href);
        url.searchParams.set('lat', position.coords.latitude.toFixed(5));
        url.searchParams.set('lng', position.coords.longitude.toFixed(5));
        url.searchParams.delete('region');
        url.hash = 'where';
        window.location.assign(url.toString());
      },
      () => setStatus(denied),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  };

  return (
    <div class="locate">
      <button type="button" class="button" onClick={locate}>
        <LocateFixed size={20} aria-hidden="true" />
        {label}
      </button>
      <p class="search-status" role="status" aria-live="polite">{status}</p>
    </div>
  );
}
