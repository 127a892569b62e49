import { accountRouter } from "./routers/account";
import { analyticsRouter } from "./routers/analytics";
import { apiKeysRouter } from "./routers/api-keys";
import { auditRouter } from "./routers/audit";
import { cartRouter } from "./routers/cart";
import { catalogRouter } from "./routers/catalog";
import { categoriesRouter } from "./routers/categories";
import { checkoutRouter } from "./routers/checkout";
import { consentRouter } from "./routers/consent";
import { counterRouter } from "./routers/counter";
import { devicesRouter } from "./routers/devices";
import { fulfillmentRouter } from "./routers/fulfillment";
import { giftCardsRouter } from "./routers/gift-cards";
import { inventoryRouter } from "./routers/inventory";
import { kioskRouter } from "./routers/kiosk";
import { loyaltyRouter } from "./routers/loyalty";
import { messageTemplatesRouter, notificationsRouter } from "./routers/notifications";
import { ordersRouter } from "./routers/orders";
import { pickupRouter } from "./routers/pickup";
import { productsRouter } from "./routers/products";
import { promotionsRouter } from "./routers/promotions";
import { recommendationsRouter } from "./routers/recommendations";
import { reservationsRouter } from "./routers/reservations";
import { returnsRouter } from "./routers/returns";
import { reviewsRouter } from "./routers/reviews";
import { shippingRouter } from "./routers/shipping";
import { staffRouter } from "./routers/staff";
import { stockAlertsRouter } from "./routers/stock-alerts";
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
  categories: categoriesRouter,
  kiosk: kioskRouter,
  transfers: transfersRouter,
  replenishment: replenishmentRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  analytics: analyticsRouter,
  recommendations: recommendationsRouter,
  reviews: reviewsRouter,
  consent: consentRouter,
  stockAlerts: stockAlertsRouter,
  messageTemplates: messageTemplatesRouter,
  loyalty: loyaltyRouter,
  shipping: shippingRouter,
  counter: counterRouter,
  giftCards: giftCardsRouter,
});

export type AppRouter = typeof appRouter;
