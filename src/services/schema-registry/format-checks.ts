import { avroBackwardProblems, type BackwardCheck, type SchemaType } from './formats.js';

/**
 * A format whose rules are not implemented: rather than call every change compatible, it reports
 * that it cannot tell, so registrations under a level other than NONE are refused visibly.
 */
const notChecked =
  (format: string): BackwardCheck =>
  () => [`NOT_CHECKED: the emulator does not check ${format} compatibility yet; set the subject's compatibility to NONE`];

/** Each format's compatibility rule. */
const CHECKS: Record<SchemaType, BackwardCheck> = {
  AVRO: avroBackwardProblems,
  JSON: notChecked('JSON Schema'),
  PROTOBUF: notChecked('Protobuf'),
};

export const backwardCheckOf = (type: SchemaType): BackwardCheck => CHECKS[type];
