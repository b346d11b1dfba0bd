// The viewer's API token, when the server asks for one (`serve --host` beyond loopback): given
// once in the address as `#token=…`, kept for the tab, and sent as a bearer token on every call.
const KEY = "diplograph-token";

function token(): string | null {
  const fromHash = /(?:^#|&)token=([^&]+)/.exec(window.location.hash)?.[1];
  if (fromHash) sessionStorage.setItem(KEY, decodeURIComponent(fromHash));
  return sessionStorage.getItem(KEY);
}

/** Headers for an API call: `Authorization: Bearer …` when a token was given. */
export function authHeaders(): Record<string, string> {
  const value = token();
  return value ? { Authorization: `Bearer ${value}` } : {};
}
