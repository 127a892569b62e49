import { router } from "../trpc";

export const promotionsRouter = router({});
