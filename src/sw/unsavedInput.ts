/**
 * Whether the citizen has typed into a form on this page and not sent it yet. The update prompt and the
 * install hint never interrupt a form: a reload would lose what was written.
 */
const touched = new WeakSet<HTMLFormElement>();
let watching = false;

function watch(doc: Document): void {
  if (watching) return;
  watching = true;
  doc.addEventListener('input', (event) => {
    const form = (event.target as HTMLInputElement | null)?.form;
    if (form) touched.add(form);
  });
  doc.addEventListener('submit', (event) => touched.delete(event.target as HTMLFormElement));
}

export function hasUnsavedInput(doc: Document = document): boolean {
  watch(doc);
  return [...doc.forms].some((form) => touched.has(form) && !form.hidden);
}

/** Starts noticing typing at once, so that input made before the first question is counted. */
export function noticeUnsavedInput(doc: Document = document): void {
  watch(doc);
}
