import { router } from "../trpc";

export const reservationsRouter = router({});
