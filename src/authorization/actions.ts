/**
 * The actions a decision is asked about. Management operations use DESCRIBE (read or list),
 * CREATE, ALTER and DELETE on a resource's CRN; the Kafka and Schema Registry data planes use
 * Kafka's own operations; role bindings are granted with ALTER_ACCESS and read with
 * DESCRIBE_ACCESS, as Confluent's metadata service names them.
 */
export const ACTIONS = [
  'DESCRIBE',
  'CREATE',
  'ALTER',
  'DELETE',
  'READ',
  'WRITE',
  'DESCRIBE_CONFIGS',
  'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE',
  'CLUSTER_ACTION',
  'DESCRIBE_ACCESS',
  'ALTER_ACCESS',
] as const;

export type Action = (typeof ACTIONS)[number];

export const isAction = (a: string): a is Action => (ACTIONS as readonly string[]).includes(a);

/**
 * Kafka's implications: READ, WRITE, DELETE and ALTER imply DESCRIBE; ALTER_CONFIGS implies
 * DESCRIBE_CONFIGS; ALTER_ACCESS implies DESCRIBE_ACCESS. `ALL` implies everything.
 */
export function implies(granted: string, requested: string): boolean {
  if (granted === requested || granted === 'ALL') return true;
  switch (requested) {
    case 'DESCRIBE':
      return granted === 'READ' || granted === 'WRITE' || granted === 'DELETE' || granted === 'ALTER';
    case 'DESCRIBE_CONFIGS':
      return granted === 'ALTER_CONFIGS';
    case 'DESCRIBE_ACCESS':
      return granted === 'ALTER_ACCESS';
    default:
      return false;
  }
}
