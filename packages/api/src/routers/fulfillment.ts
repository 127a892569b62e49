import { router } from "../trpc";

export const fulfillmentRouter = router({});
