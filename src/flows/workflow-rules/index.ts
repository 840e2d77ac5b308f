// Workflow rules at run time: a durable consumer of the event log that evaluates the integrations
// module's rules and carries out their actions across modules (webhooks; customer notes, tags, traits).
export {
  type CustomerActions,
  startWorkflowRules,
  type WorkflowRulesDeps,
} from './workflow-rules.flow.js';
