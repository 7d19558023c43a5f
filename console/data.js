// Live data: every view loads through useData, which loads again on each refresh tick (a timer,
// or an event from the emulator's event stream), keeping what it showed until the new answer.
import { createContext, useContext, useEffect, useState } from './html.js';

/** Increments whenever the page should refresh what it shows. */
export const TickContext = createContext(0);
/** The virtual clock as the control plane last answered it. */
export const ClockContext = createContext(undefined);
/** The selected organization's OrgApi. */
export const OrgContext = createContext(undefined);

export function useData(load, deps, { live = true } = {}) {
  const tick = useContext(TickContext);
  const key = JSON.stringify(deps);
  const [state, setState] = useState({ key: undefined });
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ key, data }),
      (error) => current && setState((s) => ({ key, data: s.key === key ? s.data : undefined, error })),
    );
    return () => {
      current = false;
    };
  }, [key, live ? tick : 0]);
  const fresh = state.key === key;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, loading: !fresh };
}

/**
 * Phase changes seen by this page, by resource id: the phase before, and the virtual time at which
 * the page first saw the new one. The emulator evaluates phases when they are read, so the moment a
 * poll sees the change is the moment it happened, within one refresh.
 */
const phases = new Map();
export function observePhase(id, phase, now) {
  const seen = phases.get(id);
  if (!seen) {
    phases.set(id, { phase, since: undefined, before: undefined });
  } else if (seen.phase !== phase) {
    phases.set(id, { phase, since: now, before: seen.phase });
  }
  return phases.get(id);
}
