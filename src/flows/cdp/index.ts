// The CDP flow: the ingest tap (tracking plan, queue), the background runner (counted events,
// computed traits, audiences, destinations) and the routes that need customers and the CDP together.
export { cdpFlowRoutes } from './cdp-flow.routes.js';
export { type CdpRunnerDeps, type RunningCdp, startCdp } from './cdp-runner.js';
export { type CdpCustomers, evaluateProfiles } from './evaluate-profiles.js';
export { type CdpTap, handOffToCdp, tapIngest } from './ingest-tap.js';
