/**
 * Stream Catalog tag and business-metadata definitions and their attachments to entities.
 */
export { CATALOG_MIGRATION as default } from '../catalog-schema.js';
