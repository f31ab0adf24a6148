/**
 * The load generator of `npm run bench:load`, in a worker thread of its own so that
 * sending requests and reading answers never competes with the server's event loop.
 * Each autocannon connection is one signed-in user (its session cookie), cycling through
 * the dashboard's queries for that user's partnership. A GraphQL answer with `errors`
 * counts as an error as much as a non-2xx status or a timeout.
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

export interface LoadUser {
  readonly cookie: string;
  /** Request bodies (JSON), one per dashboard query, already filtered to the user's partnership. */
  readonly bodies: readonly { readonly name: string; readonly body: string }[];
}

export interface LoadDriverInput {
  readonly url: string;
  readonly users: readonly LoadUser[];
  readonly durationSeconds: number;
  /** Stop after this many responses even if time remains. */
  readonly maxRequests: number;
  /** Requests per second across all users; 0: each user sends its next query as soon as the last is answered. */
  readonly overallRate: number;
}

/** Tagged: autocannon posts messages of its own from a worker thread. */
export interface LoadDriverOutput {
  readonly kind: 'load-result';
  readonly result: autocannon.Result;
  readonly graphqlErrors: number;
  readonly errorSamples: readonly string[];
  /** Milliseconds from sending to the whole answer, by query. */
  readonly byQuery: Readonly<Record<string, readonly number[]>>;
  /** Bytes of the last answer to each query. */
  readonly answerBytes: Readonly<Record<string, number>>;
}

interface Context {
  user?: LoadUser;
  next?: number;
  current?: string;
  sentAt?: number;
}

const input = workerData as LoadDriverInput;
let assigned = 0;
let responses = 0;
let graphqlErrors = 0;
const errorSamples: string[] = [];
const byQuery: Record<string, number[]> = {};
const answerBytes: Record<string, number> = {};

const instance = autocannon(
  {
    url: input.url,
    connections: input.users.length,
    duration: input.durationSeconds,
    timeout: 10,
    ...(input.overallRate > 0 ? { overallRate: input.overallRate } : {}),
    requests: [
      {
        setupRequest: (request: autocannon.Request, context: Context) => {
          if (!context.user) {
            context.user = input.users[assigned % input.users.length]!;
            context.next = assigned % context.user.bodies.length; // users start on different pages
            assigned += 1;
          }
          const { name, body } = context.user.bodies[context.next! % context.user.bodies.length]!;
          context.next! += 1;
          context.current = name;
          context.sentAt = performance.now();
          return { ...request, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', cookie: context.user.cookie }, body };
        },
        onResponse: (status: number, body: string, context: Context) => {
          responses += 1;
          (byQuery[context.current!] ??= []).push(performance.now() - context.sentAt!);
          answerBytes[context.current!] = Buffer.byteLength(body);
          if (status === 200 && body.includes('"errors"')) {
            graphqlErrors += 1;
            if (errorSamples.length < 5) errorSamples.push(`${context.current}: ${body.slice(0, 300)}`);
          } else if (status !== 200 && errorSamples.length < 5) {
            errorSamples.push(`${context.current}: HTTP ${status} ${body.slice(0, 300)}`);
          }
          if (responses >= input.maxRequests) instance.stop();
        },
      } as autocannon.Request,
    ],
  },
  (error, raw) => {
    if (error) throw error;
    // Inside a worker thread autocannon hands back its raw histograms: summarise them as it does on the main thread.
    const result = (autocannon as unknown as { aggregateResult(results: unknown[], options: object): autocannon.Result })
      .aggregateResult([raw], { url: input.url, connections: input.users.length, duration: input.durationSeconds });
    parentPort!.postMessage({ kind: 'load-result', result, graphqlErrors, errorSamples, byQuery, answerBytes } satisfies LoadDriverOutput);
  },
);
