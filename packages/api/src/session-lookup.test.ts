import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { createTrpcRouteHandler } from "./next";
import { publicProcedure, router } from "./trpc";

const t = await createTestDatabase();
afterAll(() => t.close());

const whoAmI = router({ whoAmI: publicProcedure.query(({ ctx }) => ({ userId: ctx.actor.userId ?? null })) });

describe("the session look-up of the API routes", () => {
  it("asks next-auth only when the request carries the app's session cookie", async () => {
    const [user] = await t.sql`select id from users where email = 'max@example.com'`;
    let asked = 0;
    const handle = createTrpcRouteHandler(
      {
        app: "web",
        getUserId: async () => {
          asked++;
          return user!.id as string;
        },
      },
      { router: whoAmI, db: () => t.db },
    );
    const call = async (cookie?: string) => {
      const response = await handle(
        new Request("http://shop.test/api/trpc/whoAmI", { headers: cookie ? { cookie } : {} }),
      );
      return ((await response.json()) as { result: { data: { json: { userId: string | null } } } }).result.data.json;
    };

    expect(await call()).toEqual({ userId: null });
    expect(await call("omni-kiosk.session-token=abc; theme=dark")).toEqual({ userId: null });
    expect(asked).toBe(0);
    expect(await call("theme=dark; omni-web.session-token=abc")).toEqual({ userId: user!.id });
    expect(await call("omni-web.session-token.0=abc; omni-web.session-token.1=def")).toEqual({ userId: user!.id });
    expect(asked).toBe(2);
  });
});
