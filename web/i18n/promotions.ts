// Strings of the admin's campaign editor (campaigns, rules, rewards, schedule, coupon codes, the
// preview on a sample cart and why a campaign does not apply) and of the till's gift card tender, in
// the five languages. Kept apart from the main catalogs and merged into them (index.tsx). One file
// per language: promotions-<language>.ts; English is the reference.

export { promotionsBg } from './promotions-bg.ts';
export { type PromotionsKey, promotionsEn } from './promotions-en.ts';
export { promotionsEs } from './promotions-es.ts';
export { promotionsNl } from './promotions-nl.ts';
export { promotionsSv } from './promotions-sv.ts';
