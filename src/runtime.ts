import type { Config } from './config.js';
import { VirtualClock } from './core/clock.js';
import { PageTokens } from './core/pagination.js';
import { openDb, type Db } from './store/db.js';
import { ResourceStore } from './store/resources.js';
import { CredentialStore } from './store/credentials.js';
import { KafkaStore } from './store/kafka.js';
import { SchemaRegistryStore } from './store/schema-registry.js';
import { CatalogStore } from './store/catalog.js';
import { stsTokenSecret, tokenSecret } from './store/meta.js';
import { AccessTokens } from './http/access-tokens.js';
import { defaultDocumentsDir, loadDocuments, type LoadedDocuments } from './openapi/load.js';
import { Validator } from './openapi/validate.js';
import { RateLimiter } from './http/rate-limit.js';
import { GroupCoordinator } from './services/kafka/groups/coordinator.js';
import { Journal } from './control/journal.js';
import { FaultRegistry } from './control/faults.js';
import { PhasedKinds } from './control/phased-kinds.js';
import { Authorizer } from './authorization/decide.js';
import { storeSource } from './authorization/store-source.js';

/** Everything a request may need, built once per emulator instance. */
export class Runtime {
  readonly clock = new VirtualClock();
  readonly db: Db;
  readonly resources: ResourceStore;
  readonly credentials: CredentialStore;
  readonly kafka: KafkaStore;
  readonly schemaRegistry: SchemaRegistryStore;
  readonly catalog: CatalogStore;
  readonly tokens: PageTokens;
  /** Access tokens of the sts/v1 exchange. */
  readonly accessTokens: AccessTokens;
  readonly docs: LoadedDocuments;
  readonly validator: Validator;
  readonly rateLimiter: RateLimiter;
  /** Role bindings and ACLs; consulted only when `config.authorization` is `enforce`. */
  readonly authorizer: Authorizer;
  readonly startedAt = Date.now();
  /** Consumer groups of every cluster: the Kafka protocol's coordinator, which Kafka REST v3 lists too. */
  readonly groups: GroupCoordinator;
  /** The Kafka protocol listener once it listens: its port and the PEM of the CA clients trust. */
  kafkaEndpoint?: { port: number; caPem: string };
  /** The request journal (GET /_emulator/requests). */
  readonly journal: Journal;
  /** Injected faults (POST /_emulator/faults), for every transport. */
  readonly faults: FaultRegistry;
  /** Kinds of resource with phases, for the control plane's advance and fail. */
  readonly phasedKinds = new PhasedKinds();

  constructor(readonly config: Config) {
    this.db = openDb(config.db);
    this.transact = this.db.transaction(<T>(fn: () => T): T => fn()) as <T>(fn: () => T) => T;
    this.resources = new ResourceStore(this.db);
    this.credentials = new CredentialStore(this.db);
    this.kafka = new KafkaStore(this.db);
    this.schemaRegistry = new SchemaRegistryStore(this.db);
    this.catalog = new CatalogStore(this.db);
    this.tokens = new PageTokens(tokenSecret(this.db));
    this.accessTokens = new AccessTokens(stsTokenSecret(this.db), this.clock, this.resources);
    this.docs = loadDocuments([defaultDocumentsDir(), ...config.extraDocuments]);
    this.validator = new Validator(this.docs.dereferenced);
    this.rateLimiter = new RateLimiter(config.rateLimit, this.clock);
    this.groups = new GroupCoordinator(this);
    this.journal = new Journal(config.journalSize);
    this.faults = new FaultRegistry(() => this.clock.iso());
    this.authorizer = new Authorizer(storeSource(this.db));
  }

  /** Runs fn in one transaction: every mutation of a request commits or rolls back as a whole. */
  tx<T>(fn: () => T): T {
    let result: T;
    try {
      result = this.transact(fn);
    } catch (err) {
      if (!this.db.inTransaction) this.afterTransaction?.(false);
      throw err;
    }
    if (!this.db.inTransaction) this.afterTransaction?.(true);
    return result;
  }

  /** One transaction wrapper for every call (better-sqlite3 builds four closures per `transaction()`); nested calls are savepoints. */
  private readonly transact: <T>(fn: () => T) => T;

  /** Told when an outermost transaction ends, committed or not (the event stream holds its events until then). */
  afterTransaction?: (committed: boolean) => void;

  close(): void {
    this.groups.close();
    this.journal.close();
    if (this.db.open) this.db.close();
  }
}
