import { router } from "../trpc";

export const pickupRouter = router({});
