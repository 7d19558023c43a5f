import { encodeSegment } from '../../core/url.js';

/** The absolute URLs and CRNs of one cluster's Kafka REST objects. */
export class KafkaLinks {
  readonly root: string;

  constructor(
    baseUrl: string,
    readonly cluster: string,
  ) {
    this.root = `${baseUrl}/kafka/v3/clusters/${cluster}`;
  }

  url(...segments: Array<string | number>): string {
    return [this.root, ...segments.map((s) => encodeSegment(String(s)))].join('/');
  }

  /** `crn:///kafka=<cluster>/topic=<t>/...`: Kafka REST's resource names have an empty authority. */
  crn(...parts: Array<[string, string | number]>): string {
    return [`crn:///kafka=${this.cluster}`, ...parts.map(([k, v]) => `${k}=${v}`)].join('/');
  }

  related(...segments: Array<string | number>): { related: string } {
    return { related: this.url(...segments) };
  }

  /** `{kind, metadata: {self, next}, data}`: Kafka REST lists are one page, except where an answer must stay bounded. */
  list(kind: string, self: string, data: unknown[], next: string | null = null) {
    return { kind, metadata: { self, next }, data };
  }
}
