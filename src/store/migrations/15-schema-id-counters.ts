/**
 * The highest schema id each Schema Registry context has ever issued. Ids came from the largest
 * id still stored, so permanently deleting the newest schema let the next registration take its
 * id again; Confluent never hands an id out twice (clients cache schemas by id).
 */
export default `
  CREATE TABLE sr_schema_ids (
    cluster_id TEXT NOT NULL,
    context TEXT NOT NULL,
    last_id INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, context)
  ) WITHOUT ROWID;
  INSERT INTO sr_schema_ids (cluster_id, context, last_id)
    SELECT cluster_id, context, MAX(id) FROM sr_schemas GROUP BY cluster_id, context;
`;
