/** Confluent Resource Names: `crn://confluent.cloud/` + the chain of `kind=id` segments. */
export const CRN_PREFIX = 'crn://confluent.cloud/';

export interface CrnValues {
  org: string;
  id: string;
  env?: string;
  parent?: string;
  parent_crn?: string;
}

/** Fills a template such as `organization={org}/environment={env}/cloud-cluster={id}`. */
export function renderCrn(template: string, values: CrnValues): string {
  const body = template.replace(/\{(\w+)\}/g, (_, key: keyof CrnValues) => {
    const v = values[key];
    return v === undefined ? '' : key === 'parent_crn' ? stripCrnPrefix(v) : v;
  });
  return CRN_PREFIX + body;
}

export const stripCrnPrefix = (crn: string) => (crn.startsWith(CRN_PREFIX) ? crn.slice(CRN_PREFIX.length) : crn);
