// The view's place in the browser's history: each deliberate change (a node opened, a filter
// set, an ego view) is a new entry, so Back undoes it; typing in the search or the Cypher box
// only replaces the current entry, so Back does not walk through every keystroke.
/** Writes the view into the address bar: a new history entry, or the current one replaced. */
export function recordView(search: string, push: boolean): void {
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}`;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}
