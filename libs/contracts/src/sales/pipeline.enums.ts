/** What reaching a stage means: still open, won (赢单) or lost (输单). An opportunity's status follows its stage's kind. */
export enum StageKind {
  OPEN = 'open',
  WON = 'won',
  LOST = 'lost',
}

/** An opportunity's status, derived from the kind of the stage it sits in. */
export enum OpportunityStatus {
  OPEN = 'open',
  WON = 'won',
  LOST = 'lost',
}
