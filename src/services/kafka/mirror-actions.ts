import type { HandlerMap, RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import { newMirror, type LinkRow, type MirrorRow } from '../../store/kafka-links.js';
import { clusterOf, type ClusterScope } from './cluster.js';
import { linkMode, linkOf, reverseOf } from './cluster-links.js';
import { kafkaError } from './errors.js';
import type { Mirroring } from './mirroring.js';
import { MIRROR_GRAPH, mirrorPhasedKind } from './mirror-phases.js';
import { allowsTransition } from '../../core/lifecycle.js';
import { queryFlagOf } from '../../engine/query.js';

type Action = 'promote' | 'failover' | 'pause' | 'resume' | 'reverse-and-start-mirror' | 'reverse-and-pause-mirror' | 'truncate-and-restore';

interface Truncation {
  partition_id: number;
  offset_truncated_to: number;
  messages_truncated: number;
}

/** What an action does to one topic: an error, or a change to apply (nothing for a no-op). */
interface Outcome {
  error?: { code: number; message: string };
  apply?: () => void;
  truncation?: Truncation[];
  /** The mirror the error is recorded on (`mirror_state_transition_errors`). */
  mirror?: MirrorRow;
}

/** Failed actions kept per mirror for `include_state_transition_errors`. */
const KEPT_ERRORS = 10;

const fail = (code: number, message: string, mirror?: MirrorRow): Outcome => ({ error: { code, message }, mirror });

/**
 * The mirror state actions. Each answers 200 with one result per selected topic, in order; a
 * topic the action cannot apply to carries `error_code` and `error_message`, the others change
 * (unless `validate_only`) in one transaction.
 *
 * - promote: catches the mirror up, then PENDING_STOPPED and STOPPED on the clock; needs the source.
 * - failover: PENDING_STOPPED and STOPPED at once, without catching up; works without the source.
 * - pause / resume: PAUSED stops copying; ACTIVE catches up and follows again.
 * - reverse-and-start-mirror / reverse-and-pause-mirror (bidirectional links): the mirror catches
 *   up and STOPS, and the remote topic becomes a mirror of it, ACTIVE or PAUSED.
 * - truncate-and-restore (bidirectional links): a local topic whose remote mirror was stopped is
 *   truncated to where that mirror stopped and becomes a mirror of it.
 */
export function mirrorActionHandlers(rt: Runtime, mirroring: Mirroring): HandlerMap {
  rt.phasedKinds.register(mirrorPhasedKind(rt, mirroring));
  const stopped = (m: MirrorRow) => fail(400, `Topic '${m.mirror_topic_name}' has already stopped its mirror from '${m.link_name}'`, m);
  const cannot = (m: MirrorRow, verb: string, status: string) =>
    fail(400, `Topic '${m.mirror_topic_name}' cannot be ${verb} while its mirror is ${status}: the source topic cannot be read.`, m);
  const save = (m: MirrorRow, change: Partial<MirrorRow>) => mirroring.saveMirror({ ...m, ...change });

  function stop(ctx: RequestContext, m: MirrorRow, kind: 'promote' | 'failover'): () => void {
    return () => {
      if (kind === 'promote') mirroring.copy(m);
      const now = rt.clock.now();
      save(m, { status: 'PENDING_STOPPED', state_time: now, stop_at: mirroring.stopAt(ctx, now), stop_kind: kind, stopped_offsets: mirroring.endOffsets(m.cluster_id, m.mirror_topic_name) });
    };
  }

  /** A bidirectional link and its other side, or the error every topic gets. */
  function bidirectional(link: LinkRow): { reverse: LinkRow } | { error: Outcome } {
    if (linkMode(link) !== 'BIDIRECTIONAL') return { error: fail(400, `Cluster link '${link.link_name}' is not bidirectional: this action needs a BIDIRECTIONAL link on both clusters.`) };
    const reverse = reverseOf(mirroring, link);
    if (!reverse) return { error: fail(400, `Cluster ${link.remote_cluster_id} has no side of bidirectional cluster link '${link.link_name}'.`) };
    return { reverse };
  }

  function reverse(ctx: RequestContext, link: LinkRow, m: MirrorRow, remoteStatus: 'ACTIVE' | 'PAUSED'): Outcome {
    const side = bidirectional(link);
    if ('error' in side) return { ...side.error, mirror: m };
    const view = mirroring.view(m);
    if (view.status === 'STOPPED' || m.status === 'PENDING_STOPPED') return stopped(m);
    if (!view.source) return cannot(m, 'reversed', view.status);
    const source = view.source;
    return {
      apply: () => {
        mirroring.copy(m);
        const now = rt.clock.now();
        const ends = mirroring.endOffsets(m.cluster_id, m.mirror_topic_name);
        save(m, { status: 'STOPPED', state_time: now, stop_at: null, stop_kind: null, stopped_offsets: ends });
        // The remote topic drops what the local mirror never got, then mirrors the local topic.
        ends.forEach((end, p) => rt.kafka.truncate(source.cluster_id, source.name, p, end));
        const local = rt.kafka.topic(m.cluster_id, m.mirror_topic_name)!;
        const remote = { cluster_id: source.cluster_id, mirror_topic_name: source.name, link_name: side.reverse.link_name };
        mirroring.saveMirror(newMirror({ ...remote, source_cluster_id: m.cluster_id, source_topic_name: local.name, source_topic_id: local.topic_id }, remoteStatus, now));
      },
    };
  }

  /** The outcome of an action on a mirror topic of the link. */
  function onMirror(ctx: RequestContext, action: Exclude<Action, 'truncate-and-restore'>, link: LinkRow, m: MirrorRow): Outcome {
    const view = mirroring.view(m);
    const over = view.status === 'STOPPED' || m.status === 'PENDING_STOPPED';
    switch (action) {
      case 'promote':
        if (over) return stopped(m);
        if (!view.source) return cannot(m, 'promoted', view.status);
        return { apply: stop(ctx, m, 'promote') };
      case 'failover':
        return over ? stopped(m) : { apply: stop(ctx, m, 'failover') };
      // Pausing or resuming from a phase its transition does not start from (its graph's `from`:
      // a paused mirror paused again, an active one resumed) succeeds and changes nothing.
      case 'pause':
        if (over) return stopped(m);
        return !allowsTransition(MIRROR_GRAPH, 'pause', m.status) ? {} : { apply: () => save(m, { status: 'PAUSED', state_time: rt.clock.now() }) };
      case 'resume':
        if (over) return stopped(m);
        if (!allowsTransition(MIRROR_GRAPH, 'resume', m.status)) return {};
        return {
          apply: () => {
            const resumed: MirrorRow = { ...m, status: 'ACTIVE', state_time: rt.clock.now() };
            mirroring.saveMirror(resumed);
            mirroring.copy(resumed);
          },
        };
      case 'reverse-and-start-mirror':
        return reverse(ctx, link, m, 'ACTIVE');
      case 'reverse-and-pause-mirror':
        return reverse(ctx, link, m, 'PAUSED');
    }
  }

  /** The remote mirror of a local topic through the other side of a bidirectional link. */
  const remoteMirrorOf = (scope: ClusterScope, reverseLink: LinkRow, topic: string) =>
    mirroring.store.mirrorsOf(scope.id, topic).find((r) => r.cluster_id === reverseLink.cluster_id && r.link_name === reverseLink.link_name);

  function restore(ctx: RequestContext, scope: ClusterScope, link: LinkRow, name: string): Outcome {
    const side = bidirectional(link);
    if ('error' in side) return side.error;
    const topic = rt.kafka.topic(scope.id, name);
    if (!topic) return fail(40403, 'This server does not host this topic-partition.');
    const local = mirroring.store.mirror(scope.id, name);
    if (local && mirroring.view(local).status !== 'STOPPED') return fail(400, `Topic '${name}' is already a mirror topic that is not stopped.`, local);
    const remote = remoteMirrorOf(scope, side.reverse, name);
    if (!remote || mirroring.view(remote).status !== 'STOPPED') return fail(400, `Topic '${name}' has no stopped mirror on cluster ${link.remote_cluster_id} to restore from.`, local);
    const truncation = mirroring.endOffsets(scope.id, name).map((end, p) => {
      const to = Math.min(end, remote.stopped_offsets?.[p] ?? 0);
      return { partition_id: p, offset_truncated_to: to, messages_truncated: end - to };
    });
    const remoteTopic = rt.kafka.topic(remote.cluster_id, remote.mirror_topic_name);
    return {
      truncation,
      apply: () => {
        for (const t of truncation) rt.kafka.truncate(scope.id, name, t.partition_id, t.offset_truncated_to);
        const now = rt.clock.now();
        const row: MirrorRow = {
          cluster_id: scope.id,
          mirror_topic_name: name,
          link_name: link.link_name,
          source_cluster_id: remote.cluster_id,
          source_topic_name: remote.mirror_topic_name,
          source_topic_id: remoteTopic?.topic_id ?? '',
          status: 'ACTIVE',
          state_time: now,
          stop_at: null,
          stop_kind: null,
          stopped_offsets: null,
          transition_errors: local?.transition_errors ?? [],
          created_at: now,
        };
        mirroring.saveMirror(row);
        mirroring.copy(row);
      },
    };
  }

  /** The topics named and those the pattern matches (a whole-name regular expression), each once. */
  function select(ctx: RequestContext, candidates: string[]): string[] {
    const b = (ctx.body ?? {}) as { mirror_topic_names?: string[]; mirror_topic_name_pattern?: string };
    if (b.mirror_topic_names === undefined && b.mirror_topic_name_pattern === undefined) {
      throw kafkaError(400, 400, 'Either mirror_topic_names or mirror_topic_name_pattern is required.');
    }
    const names = [...(b.mirror_topic_names ?? [])];
    if (b.mirror_topic_name_pattern !== undefined) {
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${b.mirror_topic_name_pattern})$`);
      } catch {
        throw kafkaError(400, 400, `Invalid mirror_topic_name_pattern: ${b.mirror_topic_name_pattern}`);
      }
      names.push(...candidates.filter((n) => re.test(n)));
    }
    return [...new Set(names)];
  }

  function run(ctx: RequestContext, action: Action) {
    const scope = clusterOf(rt, ctx);
    const link = linkOf(mirroring, scope, ctx.params.link_name);
    const validateOnly = queryFlagOf(ctx, 'validate_only') === true;
    let outcomes: Array<[string, Outcome]>;
    if (action === 'truncate-and-restore') {
      const reverseLink = reverseOf(mirroring, link);
      const candidates = reverseLink ? rt.kafka.topics(scope.id).map((t) => t.name).filter((n) => remoteMirrorOf(scope, reverseLink, n)) : [];
      outcomes = select(ctx, candidates).map((name) => [name, restore(ctx, scope, link, name)]);
    } else {
      const mirrors = mirroring.store.mirrors(scope.id, link.link_name);
      outcomes = select(ctx, mirrors.map((m) => m.mirror_topic_name)).map((name) => {
        const m = mirrors.find((x) => x.mirror_topic_name === name);
        if (m) return [name, onMirror(ctx, action, link, m)];
        if (!rt.kafka.topic(scope.id, name)) return [name, fail(40403, 'This server does not host this topic-partition.')];
        return [name, fail(400, `Topic '${name}' is not a mirror topic of cluster link '${link.link_name}'.`)];
      });
    }
    if (!validateOnly) {
      rt.tx(() => {
        for (const [, o] of outcomes) {
          if (o.apply) o.apply();
          else if (o.error && o.mirror) {
            const current = mirroring.store.mirror(o.mirror.cluster_id, o.mirror.mirror_topic_name) ?? o.mirror;
            const recorded = [...current.transition_errors, { error_code: 'INVALID_REQUEST_ERROR', error_message: `${action}: ${o.error.message}` }].slice(-KEPT_ERRORS);
            mirroring.saveMirror({ ...current, transition_errors: recorded });
          }
        }
      });
    }
    const detailed = queryFlagOf(ctx, 'include_partition_level_truncation_data') === true;
    const data = outcomes.map(([name, o]) => {
      const m = mirroring.store.mirror(scope.id, name);
      return {
        kind: 'AlterMirrorsData',
        metadata: { self: scope.links.url('links', link.link_name, 'mirrors', name), resource_name: scope.links.crn() },
        mirror_topic_name: name,
        error_code: o.error ? o.error.code : null,
        error_message: o.error ? o.error.message : null,
        mirror_lags: m && m.link_name === link.link_name ? mirroring.lags(m) : [],
        messages_truncated: o.truncation && !o.error ? o.truncation.reduce((n, t) => n + t.messages_truncated, 0) : null,
        partition_level_truncation_data: o.truncation && !o.error && detailed ? o.truncation : [],
      };
    });
    return { status: 200, body: { kind: 'KafkaPromoteMirror', metadata: { self: scope.links.url('links', link.link_name, 'mirrors'), resource_name: scope.links.crn() }, data } };
  }

  return {
    updateKafkaMirrorTopicsPromote: (ctx) => run(ctx, 'promote'),
    updateKafkaMirrorTopicsFailover: (ctx) => run(ctx, 'failover'),
    updateKafkaMirrorTopicsPause: (ctx) => run(ctx, 'pause'),
    updateKafkaMirrorTopicsResume: (ctx) => run(ctx, 'resume'),
    updateKafkaMirrorTopicsReverseAndStartMirror: (ctx) => run(ctx, 'reverse-and-start-mirror'),
    updateKafkaMirrorTopicsReverseAndPauseMirror: (ctx) => run(ctx, 'reverse-and-pause-mirror'),
    updateKafkaMirrorTopicsTruncateAndRestoreMirror: (ctx) => run(ctx, 'truncate-and-restore'),
  };
}
