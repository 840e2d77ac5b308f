export { type ProductMediaDeps, productMediaRoutes } from './product-media.routes.js';
