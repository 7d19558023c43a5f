import { ApiError } from '../../core/errors.js';

/** A Kafka REST error: `{"error_code": <code>, "message": ...}` with its HTTP status. */
export const kafkaError = (status: number, errorCode: number, message: string) =>
  new ApiError({ status, code: `kafka_${errorCode}`, title: 'Kafka REST Error', detail: message, errorCode });

export const clusterNotFound = (cluster: string) => kafkaError(404, 404, `Cluster ${cluster} cannot be found.`);

/** Kafka's UNKNOWN_TOPIC_OR_PARTITION, as Kafka REST words it. */
export const topicNotFound = () => kafkaError(404, 40403, 'This server does not host this topic-partition.');

/** Kafka's INVALID_REQUEST family (topic exists, bad partition count, bad config...). */
export const invalidKafkaRequest = (message: string) => kafkaError(400, 40002, message);

/** Kafka REST's answers for cluster links, in its own words. */
export const linkNotFound = () => kafkaError(404, 404, "The cluster link doesn't exist.");
export const invalidLinkName = () => kafkaError(400, 400, 'Invalid Cluster Link Name.');
export const invalidConfigName = () => kafkaError(400, 400, 'Invalid Config Name.');
