import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor/actor.js';
import { currentActor } from './actor-scope.js';
import { isRestricted, ROLE_FACTS_SQL, type DatabaseRoleFacts } from './app-database-role.js';

/** PostgreSQL's isolation levels, as TypeORM names them. */
export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

interface OpenTransaction {
  readonly actor: Actor;
  readonly manager: EntityManager;
}

/** Transaction-local: they end with the transaction, so nothing leaks to the next user of a pooled connection. */
const SET_ACTOR_SQL = `SELECT set_config('app.partnership_id', $1, true), set_config('app.role', $2, true),
  set_config('app.user_id', $3, true), set_config('app.national', $4, true)`;

/** The settings the row-level security policies read (EnforcePartnershipIsolation migration). */
export function actorSettings(actor: Actor): [partnershipId: string, role: string, userId: string, national: string] {
  if (actor.kind === 'system') return [actor.partnershipId ?? '', 'system', '', ''];
  if (actor.kind !== 'user' || actor.role === null) return ['', '', '', ''];
  return [actor.partnershipId ?? '', actor.role, actor.userId ?? '', actor.role === 'national_viewer' ? 'on' : ''];
}

/**
 * The only way services reach tenant data. `run` opens a transaction on the app role's
 * pool, tells PostgreSQL who is asking (the current actor's partnership, role and user,
 * transaction-local), and hands `work` its EntityManager: PostgreSQL's row-level security
 * then shows `work` the actor's partnership and nothing else. A `run` inside another of
 * the same actor joins its transaction, so a write and its audit event commit together.
 */
@Injectable()
export class TenantDatabase implements OnApplicationBootstrap {
  private readonly logger = new Logger(TenantDatabase.name);
  private readonly open = new AsyncLocalStorage<OpenTransaction>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** As the current actor (see runAsActor). Throws outside a resolver or job: it never guesses who is asking. */
  run<T>(work: (manager: EntityManager) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    const actor = currentActor();
    if (!actor) return Promise.reject(new Error('TenantDatabase.run was called outside a request: use runAs(actor, work)'));
    return this.runAs(actor, work, isolation);
  }

  /**
   * As `actor`: for background work (SYSTEM_ACTOR with a partnershipId) and start-up tasks.
   * `isolation` (default READ COMMITTED) applies to a new transaction, not to one joined.
   * When `stop` aborts (a shutdown that cannot wait for long work), the transaction's
   * connection is ended: PostgreSQL rolls the transaction back at once, and `work` fails.
   */
  runAs<T>(actor: Actor, work: (manager: EntityManager) => Promise<T>, isolation: IsolationLevel = 'READ COMMITTED', stop?: AbortSignal): Promise<T> {
    const outer = this.open.getStore();
    const runner = outer?.manager.queryRunner;
    if (outer && outer.actor === actor && runner && !runner.isReleased && runner.isTransactionActive) return work(outer.manager);
    return this.dataSource.transaction(isolation, async (manager) => {
      await manager.query(SET_ACTOR_SQL, actorSettings(actor));
      const forget = stop ? await this.endOnAbort(manager, stop) : undefined;
      try {
        return await this.open.run({ actor, manager }, () => work(manager));
      } finally {
        forget?.();
      }
    });
  }

  /** Ends the transaction's backend when `stop` aborts (the app role may end its own backends); returns the unsubscribe. */
  private async endOnAbort(manager: EntityManager, stop: AbortSignal): Promise<() => void> {
    const [{ pid }] = (await manager.query('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
    const end = () => {
      this.logger.warn(`Ending the transaction of backend ${pid}: its work was stopped`);
      this.dataSource.query('SELECT pg_terminate_backend($1)', [pid]).catch(() => undefined);
    };
    if (stop.aborted) end();
    else stop.addEventListener('abort', end, { once: true });
    return () => stop.removeEventListener('abort', end);
  }

  /** Says loudly when request traffic runs as a role that bypasses row-level security. */
  async onApplicationBootstrap(): Promise<void> {
    const [facts] = await this.dataSource.query<DatabaseRoleFacts[]>(ROLE_FACTS_SQL);
    if (facts && !isRestricted(facts)) {
      this.logger.error(
        `Requests run as the database role "${facts.user}", which ${facts.superuser ? 'is a superuser' : facts.bypassesRls ? 'has BYPASSRLS' : 'owns the tables'}: ` +
          'POSTGRESQL DOES NOT ENFORCE PARTNERSHIP ISOLATION. Set APP_DATABASE_URL to a restricted role (docs/security.md).',
      );
    }
  }
}
