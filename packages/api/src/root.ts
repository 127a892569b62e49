import { accountRouter } from "./routers/account";
import { analyticsRouter } from "./routers/analytics";
import { apiKeysRouter } from "./routers/api-keys";
import { auditRouter } from "./routers/audit";
import { cartRouter } from "./routers/cart";
import { catalogRouter } from "./routers/catalog";
import { checkoutRouter } from "./routers/checkout";
import { counterRouter } from "./routers/counter";
import { devicesRouter } from "./routers/devices";
import { fulfillmentRouter } from "./routers/fulfillment";
import { inventoryRouter } from "./routers/inventory";
import { kioskRouter } from "./routers/kiosk";
import { loyaltyRouter } from "./routers/loyalty";
import { notificationsRouter } from "./routers/notifications";
import { ordersRouter } from "./routers/orders";
import { pickupRouter } from "./routers/pickup";
import { productsRouter } from "./routers/products";
import { promotionsRouter } from "./routers/promotions";
import { reservationsRouter } from "./routers/reservations";
import { returnsRouter } from "./routers/returns";
import { staffRouter } from "./routers/staff";
import { storesRouter } from "./routers/stores";
import { replenishmentRouter, transfersRouter } from "./routers/transfers";
import { webhooksRouter } from "./routers/webhooks";
import { router } from "./trpc";

export const appRouter = router({
  stores: storesRouter,
  catalog: catalogRouter,
  inventory: inventoryRouter,
  cart: cartRouter,
  checkout: checkoutRouter,
  orders: ordersRouter,
  account: accountRouter,
  notifications: notificationsRouter,
  fulfillment: fulfillmentRouter,
  pickup: pickupRouter,
  reservations: reservationsRouter,
  returns: returnsRouter,
  staff: staffRouter,
  devices: devicesRouter,
  audit: auditRouter,
  promotions: promotionsRouter,
  products: productsRouter,
  kiosk: kioskRouter,
  transfers: transfersRouter,
  replenishment: replenishmentRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  analytics: analyticsRouter,
  loyalty: loyaltyRouter,
  counter: counterRouter,
});

export type AppRouter = typeof appRouter;
