// The view's place in the browser's history: each deliberate change (a node opened, a filter
// set, an ego view) is a new entry, so Back undoes it; typing in the search or the Cypher box
// only replaces the current entry, so Back does not walk through every keystroke.
import type { ViewState } from "./url-state.ts";

/** Whether going from one state to the next only edited text being typed (search, Cypher). */
export function onlyTyping(before: ViewState, after: ViewState): boolean {
  return shallowEqual({ ...before, query: "", cypher: "" }, { ...after, query: "", cypher: "" });
}

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key] && !(a[key] == null && b[key] == null)) return false;
  return true;
}

/** Writes the view into the address bar: a new history entry, or the current one replaced. */
export function recordView(search: string, push: boolean): void {
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}`;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}
