/**
 * State a service keeps about a resource beyond what its API shows (a Flink statement's plan and
 * timing, a Stream Sharing object's links) moves out of the body, where it was kept under
 * `_emulator` and stripped at render, into a column of its own that nothing renders.
 */
export default `
  ALTER TABLE resources ADD COLUMN internal TEXT;
  UPDATE resources
    SET internal = json_extract(body, '$._emulator'), body = json_remove(body, '$._emulator')
    WHERE json_type(body, '$._emulator') IS NOT NULL;
`;
