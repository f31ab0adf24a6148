/** Upper bounds on free text, so that one request cannot store megabytes. */
export const TEXT_LIMITS = {
  reference: 60,
  childReference: 100,
  role: 200,
  summary: 10_000,
  outcome: 10_000,
  reason: 2_000,
  notes: 5_000,
  participant: 200,
  participants: 50,
  code: 100,
} as const;
