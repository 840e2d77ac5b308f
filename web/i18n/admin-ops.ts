// The admin's strings for running the business (order page and its actions, the order and customer
// timelines in words, the product editor, form field errors), in the five languages. Kept apart
// from the main catalogs so they merge into them (index.tsx). One file per language:
// admin-ops-<language>.ts; English is the reference.

export { adminOpsBg } from './admin-ops-bg.ts';
export { type AdminOpsKey, adminOpsEn } from './admin-ops-en.ts';
export { adminOpsEs } from './admin-ops-es.ts';
export { adminOpsNl } from './admin-ops-nl.ts';
export { adminOpsSv } from './admin-ops-sv.ts';
