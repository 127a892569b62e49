import { getStore } from "@omni/domain/stores";

import { kioskProcedure, router } from "../trpc";

/** What a kiosk screen needs to know about itself: which device it is and the store it stands in. */
export const kioskRouter = router({
  me: kioskProcedure.query(async ({ ctx }) => {
    const store = await getStore(ctx.db, ctx.actor.deviceStoreId);
    return {
      deviceId: ctx.actor.deviceId,
      storeId: store.id,
      storeName: store.name,
      city: store.city,
      pickupPoint: store.pickupPoint,
      reservations: store.reservations,
      pickup: store.pickup,
    };
  }),
});
