import { router } from "../trpc";

export const checkoutRouter = router({});
