import { html, useContext, useState } from '../html.js';
import { control } from '../api.js';
import { ClockContext } from '../data.js';
import { Crumbs, ErrorBox, Props, Section, fmtTime } from './common.js';

/** The virtual clock in the top bar: the time, and a button that moves it forward. */
export function ClockBar({ onChange }) {
  const clock = useContext(ClockContext);
  const [seconds, setSeconds] = useState(60);
  const [error, setError] = useState(undefined);
  const advance = async () => {
    try {
      await control.post('/_emulator/clock/advance', { seconds });
      setError(undefined);
    } catch (err) {
      setError(err);
    }
    onChange();
  };
  return html`<div class="clock" role="group" aria-label="Virtual clock">
    <span class="clock-label">${clock?.frozen ? 'frozen at' : 'virtual time'}</span>
    <time data-testid="clock-now" dateTime=${clock?.now}>${fmtTime(clock?.now)}</time>
    <span class="tag" title="lifecycle mode">${clock?.lifecycle ?? '…'}</span>
    <label class="sr-only" for="advance-by">Seconds to advance</label>
    <select id="advance-by" value=${seconds} onChange=${(e) => setSeconds(Number(e.currentTarget.value))}>
      ${[[10, '10 s'], [60, '1 min'], [300, '5 min'], [3600, '1 h'], [86400, '1 day']].map(([v, l]) => html`<option value=${v}>${l}</option>`)}
    </select>
    <button type="button" onClick=${advance} data-testid="clock-advance">Advance</button>
    ${error ? html`<span class="error small" role="alert">${error.message}</span>` : ''}
  </div>`;
}

/** Set, freeze and advance the clock; choose the lifecycle mode. */
export function ClockPage({ onChange }) {
  const clock = useContext(ClockContext);
  const [when, setWhen] = useState('');
  const [lifecycle, setLifecycle] = useState('');
  const [error, setError] = useState(undefined);
  const act = (fn) => async (e) => {
    e?.preventDefault?.();
    try {
      await fn();
      setError(undefined);
    } catch (err) {
      setError(err);
    }
    onChange();
  };
  return html`<${Crumbs} items=${[{ label: 'Clock and lifecycle' }]} />
    <h1>Clock and lifecycle</h1>
    <${ErrorBox} error=${error} />
    <${Section} title="Virtual clock">
      <${Props} items=${[
        ['Now', fmtTime(clock?.now)],
        ['Running', clock ? (clock.frozen ? 'frozen' : 'running') : ''],
        ['Lifecycle mode', clock?.lifecycle],
      ]} />
      <div class="actions">
        <button type="button" onClick=${act(() => control.put('/_emulator/clock', { frozen: !clock?.frozen }))} data-testid="clock-freeze">${clock?.frozen ? 'Unfreeze' : 'Freeze'}</button>
        ${[[60, '+1 min'], [600, '+10 min'], [3600, '+1 h'], [86400, '+1 day']].map(
          ([s, label]) => html`<button type="button" onClick=${act(() => control.post('/_emulator/clock/advance', { seconds: s }))}>${label}</button>`,
        )}
      </div>
      <form class="inline" onSubmit=${act(() => control.put('/_emulator/clock', { now: new Date(when).toISOString() }))}>
        <label>Set to <input type="datetime-local" step="1" value=${when} onInput=${(e) => setWhen(e.currentTarget.value)} required /></label>
        <span class="muted small">(your local time)</span>
        <button type="submit">Set</button>
      </form>
    <//>
    <${Section} title="Lifecycle mode">
      <p class="muted">How resources created from now on move through their phases: at once, on the clock (each kind's documented duration), or after N reads.</p>
      <form class="inline" onSubmit=${act(() => control.put('/_emulator/clock', { lifecycle: lifecycle || clock?.lifecycle }))}>
        <label>Mode <select value=${lifecycle || clock?.lifecycle} onChange=${(e) => setLifecycle(e.currentTarget.value)}>
          ${['immediate', 'timed', 'reads=1', 'reads=3', 'reads=10'].map((m) => html`<option value=${m}>${m}</option>`)}
        </select></label>
        <button type="submit">Apply</button>
      </form>
    <//>`;
}
