/**
 * The index of rows by scope (an environment, a parent resource) no longer holds the
 * organization-level rows, whose scope is '': every create of such a row (service accounts,
 * users, environments, keys) wrote one more b-tree page into the commit for an index entry no
 * query ever reads (a cascade looks up the rows inside a resource by that resource's id, never
 * by ''). The rows of every other scope are indexed as before.
 */
export default `
  DROP INDEX resources_by_scope;
  CREATE INDEX resources_in_scope ON resources (scope) WHERE deleted_at IS NULL AND scope <> '';
`;
