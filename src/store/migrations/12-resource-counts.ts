/**
 * Live resources counted per (organization, type, scope), for total_size.
 */
export { RESOURCE_COUNTS_MIGRATION as default } from '../resource-counts-schema.js';
