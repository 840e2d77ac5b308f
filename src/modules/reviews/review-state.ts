// The review state machine: a submitted review waits for a moderator, who publishes or rejects it;
// a published review can still be taken down (rejected) later. Anything else is refused with the reason.
export const REVIEW_STATUSES = ['pending', 'published', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const NEXT: Record<ReviewStatus, readonly ReviewStatus[]> = {
  pending: ['published', 'rejected'],
  published: ['rejected'],
  rejected: [],
};

export const allowedNext = (from: ReviewStatus): readonly ReviewStatus[] => NEXT[from];

/** Why from → to is not allowed, or null when it is. */
export function refuseReviewTransition(from: ReviewStatus, to: ReviewStatus): string | null {
  if (NEXT[from].includes(to)) return null;
  if (NEXT[from].length === 0) return `the review is ${from}, which is final`;
  return `a review that is ${from} can only become ${NEXT[from].join(', ')}`;
}
