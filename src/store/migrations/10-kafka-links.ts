/**
 * Kafka cluster links and mirror topics.
 */
export { KAFKA_LINKS_MIGRATION as default } from '../kafka-links-schema.js';
