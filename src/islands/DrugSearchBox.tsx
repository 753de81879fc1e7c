import { Search } from 'lucide-preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

interface Suggestion {
  id: string;
  name: string;
  englishName: string | null;
  brandNames: string[];
}

interface Props {
  initialQuery?: string;
  label: string;
  hint: string;
  button: string;
  searching: string;
  found: string;
  failed: string;
  suggestionsLabel: string;
}

const debounceMs = 180;

/**
 * The server renders this as a plain GET form that works without JavaScript; once hydrated it suggests
 * drugs as the user types (ARIA 1.2 combobox with a listbox popup), and Enter on the text still submits.
 */
export default function DrugSearchBox({ initialQuery = '', label, hint, button, searching, found, failed, suggestionsLabel }: Props) {
  const [query, setQuery] = useState(initialQuery);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const inFlight = useRef<AbortController | null>(null);
  const typed = useRef(false);
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;

  useEffect(() => {
    const q = query.trim();
    // On a results page the box starts with the query whose results are already shown: no popup until the user types.
    if (!typed.current) return;
    if (q.length === 0) {
      inFlight.current?.abort();
      setSuggestions([]);
      setOpen(false);
      setStatus('');
      return;
    }
    const timer = setTimeout(async () => {
      // Only the newest request may update the list; older answers arriving late are discarded.
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setStatus(searching);
      try {
        const response = await fetch(`/api/search?q=${encodeURIComponent(q)}&limit=8`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { hits: Suggestion[] };
        setSuggestions(body.hits);
        setActive(-1);
        setOpen(body.hits.length > 0);
        setStatus(found.replace('{n}', String(body.hits.length)));
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setStatus(failed);
      }
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [query]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!open || suggestions.length === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => (i + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      const chosen = suggestions[active];
      if (chosen) window.location.assign(`/drugs/${chosen.id}`);
    }
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by the screen readers our users have; role=search is.
    <form class="search-form" method="get" action="/search" role="search">
      <label for={`${id}-q`}>{label}</label>
      <p class="search-hint" id={hintId}>{hint}</p>
      <div class="search-row">
        <input
          id={`${id}-q`}
          name="q"
          type="search"
          value={query}
          autocomplete="off"
          enterkeyhint="search"
          required
          maxLength={60}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls={listId}
          aria-describedby={hintId}
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          onInput={(e) => {
            typed.current = true;
            setQuery((e.currentTarget as HTMLInputElement).value);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" class="button">
          <Search size={20} aria-hidden="true" />
          {button}
        </button>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA 1.2 combobox pattern uses a ul listbox. */}
      <ul id={listId} role="listbox" aria-label={suggestionsLabel} class="suggest-list" hidden={!open}>
        {suggestions.map((s, index) => (
          // Options hold no links (an option's children are presentational); a click or Enter navigates.
          // Focus stays in the input (aria-activedescendant), which handles the keys for the whole list.
          // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard is handled on the combobox input.
          // biome-ignore lint/a11y/useFocusableInteractive: options are not focusable in the activedescendant pattern.
          <li
            id={`${listId}-${index}`}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: option role per the combobox pattern.
            role="option"
            aria-selected={index === active ? 'true' : 'false'}
            key={s.id}
            onClick={() => window.location.assign(`/drugs/${s.id}`)}
          >
            <strong>{s.name}</strong>
            {s.brandNames.length > 0 && <span>（{s.brandNames.slice(0, 2).join('、')}）</span>}
            {s.englishName && <span lang="en"> {s.englishName}</span>}
          </li>
        ))}
      </ul>
      <p class="search-status" role="status" aria-live="polite">{status}</p>
    </form>
  );
}
