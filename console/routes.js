// Hash routes: the page's location names what is shown (ids only; never credentials).
const enc = encodeURIComponent;

export const href = {
  home: () => '#/',
  org: (org) => `#/o/${enc(org)}`,
  env: (org, env) => `#/o/${enc(org)}/env/${enc(env)}`,
  cluster: (org, env, lkc) => `#/o/${enc(org)}/env/${enc(env)}/kafka/${enc(lkc)}`,
  topic: (org, env, lkc, topic) => `#/o/${enc(org)}/env/${enc(env)}/kafka/${enc(lkc)}/topic/${enc(topic)}`,
  group: (org, env, lkc, group) => `#/o/${enc(org)}/env/${enc(env)}/kafka/${enc(lkc)}/group/${enc(group)}`,
  schemas: (org, env) => `#/o/${enc(org)}/env/${enc(env)}/schemas`,
  subject: (org, env, subject) => `#/o/${enc(org)}/env/${enc(env)}/schemas/${enc(subject)}`,
  resources: (org, env) => `#/o/${enc(org)}/env/${enc(env)}/resources`,
  access: (org) => `#/o/${enc(org)}/access`,
  journal: (org) => `#/o/${enc(org)}/journal`,
  faults: (org) => `#/o/${enc(org)}/faults`,
  clock: (org) => `#/o/${enc(org)}/clock`,
};

/** The route of a location hash: `{org, page, env, cluster, topic, group, subject}`. */
export function parseRoute(hash) {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const route = { page: 'home' };
  if (parts[0] !== 'o' || !parts[1]) return route;
  route.org = parts[1];
  route.page = 'environments';
  const rest = parts.slice(2);
  if (['access', 'journal', 'faults', 'clock'].includes(rest[0])) return { ...route, page: rest[0] };
  if (rest[0] !== 'env' || !rest[1]) return route;
  route.env = rest[1];
  route.page = 'environment';
  const [kind, id, sub, name] = rest.slice(2);
  if (kind === 'schemas') return { ...route, page: id ? 'subject' : 'schemas', subject: id };
  if (kind === 'resources') return { ...route, page: 'resources' };
  if (kind === 'kafka' && id) {
    route.cluster = id;
    if (sub === 'topic' && name) return { ...route, page: 'topic', topic: name };
    if (sub === 'group' && name) return { ...route, page: 'group', group: name };
    return { ...route, page: 'cluster' };
  }
  return route;
}
