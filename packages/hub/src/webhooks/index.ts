// What other folders may use of webhooks/ besides its routes and service (ADR 0012):
// the rest of the folder is its own.
export {
  DISPATCHER_DEFAULTS,
  type DispatcherOptions,
  retryDelay,
  signWebhook,
  startWebhookDispatcher,
  type WebhookDispatcher,
} from './dispatcher.js';
export {
  disableEndpoint,
  emitWebhookEvent,
  type EndpointView,
  listDeliveries,
  listEndpoints,
  registerEndpoint,
} from './store.js';
