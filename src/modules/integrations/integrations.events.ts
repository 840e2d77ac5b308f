// Events the integrations module emits.
export const INTEGRATION_EVENTS = {
  endpointChanged: 'integration.endpoint_changed',
  deliveriesReplayed: 'integration.deliveries_replayed',
  inboundReceived: 'integration.inbound_received',
  inboundProcessed: 'integration.inbound_processed',
  inboundParked: 'integration.inbound_parked',
  connectorChanged: 'integration.connector_changed',
  ruleChanged: 'integration.rule_changed',
  ruleFired: 'integration.rule_fired',
} as const;
