import type { Deviation, DocumentExample } from '../support/confluent-documents.js';

/**
 * Known errors in Confluent's own OpenAPI documents: places where the real service answers
 * differently from its document, and the emulator follows the service. The conformance walk
 * excuses exactly these; any other difference from Confluent's documents fails it, and so does
 * an erratum that no longer matches anything (delete it once the emulator or the document moved).
 *
 * Each entry names Confluent's operation (method and path template as its document spells them,
 * or `*` for every operation), the status, what differs, why the service differs, and where that
 * is documented.
 */
export interface Erratum {
  method: string;
  /** Confluent's path templates; `*` for every operation. */
  paths: string[] | '*';
  status: number;
  /** The validator's message for the difference (or `not declared` for an undeclared status). */
  problem: RegExp;
  reason: string;
  source: string;
}

const UNDECLARED = /^status \d+ is not declared/;

export const DOCUMENT_ERRATA: Erratum[] = [
  // ---- by status class: answers the documents forgot -------------------------------------------
  {
    method: '*',
    paths: '*',
    status: 401,
    problem: UNDECLARED,
    reason:
      'Bad or missing credentials are refused with 401 by the authentication in front of every operation, before the operation runs; some operations (the Schema Registry subject metadata lookup, for one) simply do not list it.',
    source: "Confluent Cloud API reference, 'Authentication' (every API answers 401 for a missing or invalid API key); Schema Registry API reference, 'Errors' (40101)",
  },
  {
    method: 'GET',
    paths: [
      '/kafka/v3/clusters/{cluster_id}/broker-configs/{name}',
      '/kafka/v3/clusters/{cluster_id}/consumer-groups/{consumer_group_id}',
      '/kafka/v3/clusters/{cluster_id}/consumer-groups/{consumer_group_id}/consumers',
      '/kafka/v3/clusters/{cluster_id}/consumer-groups/{consumer_group_id}/consumers/{consumer_id}',
      '/kafka/v3/clusters/{cluster_id}/consumer-groups/{consumer_group_id}/lag-summary',
      '/kafka/v3/clusters/{cluster_id}/consumer-groups/{consumer_group_id}/lags',
      '/kafka/v3/clusters/{cluster_id}/consumer-groups/{consumer_group_id}/lags/{topic_name}/partitions/{partition_id}',
      '/kafka/v3/clusters/{cluster_id}/links/{link_name}',
      '/kafka/v3/clusters/{cluster_id}/links/{link_name}/configs',
      '/kafka/v3/clusters/{cluster_id}/links/{link_name}/configs/{config_name}',
      '/kafka/v3/clusters/{cluster_id}/links/{link_name}/mirrors',
      '/kafka/v3/clusters/{cluster_id}/links/{link_name}/mirrors/{mirror_topic_name}',
    ],
    status: 404,
    problem: UNDECLARED,
    reason:
      "Kafka REST answers a consumer group, consumer, broker config, cluster link or mirror named in the path that does not exist with 404 (`The cluster link doesn't exist.` for a link); the document declares 404 only for the topic-scoped operations.",
    source: 'Kafka REST v3 API reference (the reusable not-found responses of the link resources); Kafka REST server, the resources throwing NotFoundException for an absent group, config or link',
  },
  {
    method: 'DELETE',
    paths: ['/catalog/v1/types/tagdefs/{tagName}'],
    status: 404,
    problem: UNDECLARED,
    reason: 'Deleting a tag definition that does not exist answers 404 (type name not found), as reading one does; the document declares 404 only for the read.',
    source: 'Stream Catalog REST API reference (tag definitions); Apache Atlas type definition store, TYPE_NAME_NOT_FOUND (404)',
  },
  {
    method: 'POST',
    paths: ['/connect/v1/environments/{environment_id}/clusters/{kafka_cluster_id}/connectors', '/iam/v2/identity-providers/{provider_id}/identity-pools'],
    status: 404,
    problem: UNDECLARED,
    reason:
      'Creating under a parent named in the path that does not exist (an environment or Kafka cluster, an identity provider) answers 404, as every read under that parent does; the documents declare 404 for those reads but not for the create.',
    source: "Confluent Cloud Connect API reference (404 `account not found` for an unknown environment or cluster); Identity Providers API reference, 'Read an Identity Pool' (404)",
  },
  {
    method: 'POST',
    paths: ['/connect/v1/environments/{environment_id}/clusters/{kafka_cluster_id}/connectors'],
    status: 409,
    problem: UNDECLARED,
    reason: 'Creating a connector under a name already in use answers 409 `Connector <name> already exists`, as the Kafka Connect REST API does; the document declares no 409.',
    source: "Kafka Connect REST API, 'POST /connectors' (409 Conflict when the connector already exists); Confluent Cloud Connect API reference, 'Create a Connector'",
  },

  {
    method: 'PUT',
    paths: ['/connect/v1/environments/{environment_id}/clusters/{kafka_cluster_id}/connector-plugins/{plugin_name}/config/validate'],
    status: 400,
    problem: UNDECLARED,
    reason:
      'A body that is not a configuration (a map of strings) is refused with 400, as creating a connector and writing its configuration declare for the same body; the document lists no client error here but 401 and 404.',
    source: "Confluent Cloud Connect API reference, 'Create a Connector' and 'Create or Update a Connector Configuration' (400 Bad Request)",
  },

  {
    method: '*',
    paths: ['/exporters', '/exporters/{name}', '/exporters/{name}/config', '/subjects/{subject}'],
    status: 422,
    problem: UNDECLARED,
    reason:
      "Schema Registry answers a JSON body that does not map onto the request (an array for an object, a string for a map) with 422 and error_code 422, for every operation: registering declares it, these forget it.",
    source: "Schema Registry API reference, 'Errors' (422 Unprocessable Entity); Confluent rest-utils, JsonMappingExceptionMapper (422)",
  },

  // ---- response bodies the documents describe wrongly ------------------------------------------
  {
    method: 'GET',
    paths: ['/subjects/{subject}/versions/{version}/schema', '/schemas/ids/{id}/schema'],
    status: 200,
    problem: /^\/ must be string/,
    reason:
      'The raw schema endpoints answer the schema text itself as the body (for Avro and JSON Schema a JSON object or string), not that text wrapped in a JSON string as the document declares.',
    source: "Schema Registry API reference, 'GET /schemas/ids/{id}/schema' and 'GET /subjects/{subject}/versions/{version}/schema' (example response is the schema itself)",
  },
  {
    method: 'DELETE',
    paths: ['/config', '/config/{subject}'],
    status: 200,
    problem: /^\/ must be string/,
    reason: 'Deleting a compatibility configuration answers the previous configuration object (`{"compatibilityLevel": "FULL"}`), not a bare level string; the Java client decodes it as a Config.',
    source: "Schema Registry API reference, 'DELETE /config' and 'DELETE /config/{subject}'; Schema Registry server, ConfigResource (returns Config)",
  },
  {
    method: 'GET',
    paths: ['/connect/v1/environments/{environment_id}/clusters/{kafka_cluster_id}/connectors'],
    status: 200,
    problem: /^\/ must be array/,
    reason: 'With `expand` the list is an object keyed by connector name (each value holding the expanded `id`, `info`, `status`), as in Kafka Connect; the document declares only the plain list of names.',
    source: "Confluent Cloud Connect API reference, 'List of Connectors with Expansions' (response example keyed by connector name); Kafka Connect REST API, 'GET /connectors?expand='",
  },
  {
    method: 'GET',
    paths: ['/sql/v1/organizations/{organization_id}/environments/{environment_id}/statements/{name}/results'],
    status: 200,
    problem: /^\/ must have required property 'data'/,
    reason:
      "`sql.v1.StatementResult` requires a top-level `data` it never defines; the rows are under `results.data`, as the same document's `StatementResultResults` and the operation's own schema (results required with data) say, and as the service answers.",
    source: "Flink SQL REST API (Confluent Cloud), 'Get statement results' (`results.data`); Confluent's flink-gateway-v1 document, sql.v1.StatementResultResults",
  },
];

/** The erratum that excuses a deviation, if any. */
export function erratumFor(d: Deviation): Erratum | undefined {
  return DOCUMENT_ERRATA.find(
    (e) => (e.method === '*' || e.method === d.method) && (e.paths === '*' || e.paths.includes(d.path)) && e.status === d.status && e.problem.test(d.problem),
  );
}

/** Examples in Confluent's documents that the service itself would not send or accept (see conformance-documents.test.ts). */
export interface ExampleErratum {
  method: string;
  paths: string[];
  /** `request`, or the response status. */
  of: 'request' | number;
  problem: RegExp;
  reason: string;
  source: string;
}

export const DOCUMENT_EXAMPLE_ERRATA: ExampleErratum[] = [];

/** The erratum that excuses our document refusing one of Confluent's examples, if any. */
export function exampleErratumFor(example: DocumentExample, problem: string): ExampleErratum | undefined {
  return DOCUMENT_EXAMPLE_ERRATA.find((e) => e.method === example.method && e.paths.includes(example.path) && e.of === example.of && e.problem.test(problem));
}
