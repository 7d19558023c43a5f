// The control plane's admin token (`--admin-token`), when the emulator was started with one. The
// page cannot know it: the person using the console types it in once. It is kept for this tab only
// (sessionStorage, gone when the tab closes), never put in a URL, never rendered.

const KEY = 'ccloud-emulator.admin-token';
const listeners = new Set();

let token = sessionStorage.getItem(KEY) ?? undefined;

export const adminToken = () => token;

export function setAdminToken(value) {
  token = value || undefined;
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener(token);
}

/** Calls `listener` whenever the token changes; returns the unsubscribe function. */
export function onAdminTokenChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether an error is the control plane asking for the admin token (401 with a Bearer challenge). */
export const needsAdminToken = (err) => err?.status === 401 && /^Bearer\b/i.test(err.challenge ?? '');
