/**
 * The one module that touches `location` and `history`. Widgets read the query string once when
 * they start and write it back with `replaceState` (no new history entry per slider move, so the
 * back button still leaves the page). Parsing and serialising live in `src/lib/url-state.ts`.
 */

/** The current query string, without the leading `?`. */
export function readQuery(): string {
  return location.search.replace(/^\?/, '');
}

/** Replaces the query string (keeping path and hash) without adding a history entry. */
export function writeQuery(query: string): void {
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`)
    history.replaceState(history.state, '', url);
}
