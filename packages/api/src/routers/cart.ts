import { router } from "../trpc";

export const cartRouter = router({});
