import type { Sweep } from "./sweep";

/** Every periodic job; each area appends its own. */
export const sweeps: Sweep[] = [];
