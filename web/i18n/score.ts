// The admin's omnichannel score page (every dimension explained: what it measures, how it is
// computed, the evidence and the next step) and its advisor, in the five languages. Merged into the
// main catalogs (index.tsx). One file per language: score-<language>.ts.

export { scoreBg } from './score-bg.ts';
export { type ScoreKey, scoreEn } from './score-en.ts';
export { scoreEs } from './score-es.ts';
export { scoreNl } from './score-nl.ts';
export { scoreSv } from './score-sv.ts';
