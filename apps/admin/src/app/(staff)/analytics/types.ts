import type { inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "@omni/api";

type Outputs = inferRouterOutputs<AppRouter>;
export type Kpis = Outputs["analytics"]["kpis"];
export type ForecastRow = Outputs["analytics"]["forecast"][number];
