// A customer's orders across every channel, for the storefront's account page and the admin: the
// flow joins the customers module's profile cluster with the orders module's lists.
export {
  type CustomerOrder,
  type CustomerOrdersDeps,
  type CustomerOrdersFlow,
  createCustomerOrdersFlow,
} from './customer-orders.flow.js';
export { customerOrdersRoutes } from './customer-orders.routes.js';
