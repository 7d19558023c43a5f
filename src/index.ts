export { buildApp, type Emulator } from './app.js';
export { loadConfig, defaultConfig, type Config } from './config.js';
export { startEmulator, connectEmulator, configFromOptions, type RunningEmulator, type StartOptions, type LifecycleOption } from './testing/start.js';
export { EmulatorControl, type ClockControl, type PhaseChange, type OrganizationCredentials, type RequestQuery } from './testing/control-client.js';
export type { Fault, FaultSpec, FaultTarget } from './control/faults.js';
export { FaultRegistry, parseFaultHeader } from './control/faults.js';
export { kafkaFault, type KafkaFaultAction } from './control/kafka-faults.js';
export type { JournalEntry, JournalFilter } from './control/journal.js';
