/** Upper bounds on the free text of learning, so that one request cannot store megabytes. */
export const LEARNING_TEXT_LIMITS = {
  title: 200,
  group: 200,
  owner: 200,
  /** Description, background, why it matters, findings, what to do, evidence of impact. */
  text: 5_000,
  question: 500,
  questions: 10,
  /** Escalations linked or unlinked in one request. */
  escalations: 100,
} as const;
