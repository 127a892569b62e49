import { demandForecastSweep, refreshAnalyticsSweep } from "../analytics";
import { cartReminders } from "../carts";
import { backInStockSweep, refreshRecommendationsSweep, reviewRequestsSweep } from "../engagement";
import { deliverWebhooksSweep } from "../integrations";
import { clearIdempotencyKeys, clearRateLimits, type Sweep } from "../kernel";
import { expirePointsSweep } from "../loyalty";
import { deliverOutboxSweep } from "../messages";
import { expirePickups, pickupReminders, reconcilePayments, trackShipmentsSweep } from "../orders";
import { expireReservations, reservationReminders } from "../reservations";

/** Every periodic job; each area appends its own. */
export const sweeps: Sweep[] = [];

sweeps.push(deliverOutboxSweep, clearRateLimits, clearIdempotencyKeys);

sweeps.push(pickupReminders, expirePickups, reservationReminders, expireReservations);

sweeps.push(deliverWebhooksSweep);
/** Payments left open by a crash or a lost answer, and captures or releases not yet made. */
sweeps.push({ name: "reconcile-payments", run: (db, now) => reconcilePayments(db, now) });
sweeps.push(trackShipmentsSweep);
sweeps.push(refreshAnalyticsSweep, demandForecastSweep);

sweeps.push(refreshRecommendationsSweep, backInStockSweep, cartReminders, reviewRequestsSweep);
/** Loyalty points past their months lapse; members are reminded once before. */
sweeps.push(expirePointsSweep);
