import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { OpenApiMeta } from "trpc-to-openapi";
import { z, ZodError } from "zod";

import { recordApiKeyUse, type ApiScope } from "@omni/domain/integrations";
import { DomainError, type CsvRowError, type DomainReason } from "@omni/domain/kernel";

import { afterMutation } from "./cached-reads";
import type { Context } from "./context";
import { toTRPCError } from "./errors";

/**
 * `openapi`: the REST route and OpenAPI entry of a procedure (trpc-to-openapi); `scope`: what an API key
 * needs to call it. A procedure without a scope cannot be called with an API key at all.
 */
export type Meta = OpenApiMeta & { scope?: ApiScope };

/**
 * What an app needs to word a business refusal in its own language: the refusal's `reason` (a key of
 * the apps' `domainErrors` catalogue) and its plain parameters. Nothing else of the details leaves.
 */
export function refusalWording(cause: unknown): { reason?: string; params?: Record<string, string | number> } {
  if (!(cause instanceof DomainError) || typeof cause.details?.reason !== "string") return {};
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(cause.details)) {
    if (key !== "reason" && (typeof value === "string" || typeof value === "number")) params[key] = value;
  }
  return { reason: cause.details.reason, params };
}

/** A refusal of the procedure tiers, with a reason the apps word like a domain refusal's. */
const refusal = (code: "UNAUTHORIZED" | "FORBIDDEN", message: string, reason: DomainReason) =>
  new TRPCError({ code, message, cause: new DomainError(code, message, { reason }) });

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      return {
        ...shape,
        data: {
          ...shape.data,
          stack: undefined,
          zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
          ...refusalWording(error.cause),
          // An import refused for bad rows names every row, so the clerk can fix the file in one go.
          rowErrors:
            error.cause instanceof DomainError && Array.isArray(error.cause.details?.errors)
              ? (error.cause.details.errors as CsvRowError[])
              : undefined,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every procedure: turns domain and database errors into tRPC errors, and refuses a revoked kiosk. */
const base = t.procedure.use(async ({ ctx, next, path, meta, type }) => {
  if (ctx.deviceRejected && path !== "devices.pair") {
    throw refusal(
      "UNAUTHORIZED",
      "This kiosk is not paired or has been revoked. Ask a manager to pair it.",
      "kiosk_unpaired",
    );
  }
  if (ctx.apiKeyRejected) throw new TRPCError({ code: "UNAUTHORIZED", message: "This API key is unknown or revoked." });
  if (ctx.actor.apiKeyId) {
    // Authorization before anything else: a key may call only what its scopes name.
    if (!meta?.scope || !ctx.actor.apiScopes?.includes(meta.scope)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: meta?.scope ? `This API key lacks the scope ${meta.scope}.` : "This cannot be done with an API key.",
      });
    }
    await recordApiKeyUse(ctx.db, ctx.actor, { path }).catch((error: unknown) => {
      throw toTRPCError(error);
    });
  }
  const result = await next();
  if (result.ok && type === "mutation") afterMutation(ctx, path);
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause ?? result.error);
    if (result.error.code === "BAD_REQUEST" || result.error.code === "PARSE_ERROR") return result;
    if (mapped.code !== "INTERNAL_SERVER_ERROR" || result.error.code === "INTERNAL_SERVER_ERROR") result.error = mapped;
  }
  return result;
});

export const publicProcedure = base;

export const customerProcedure = base.use(({ ctx, next }) => {
  if (!ctx.actor.userId) throw refusal("UNAUTHORIZED", "Please sign in first.", "sign_in_required");
  return next({ ctx: { ...ctx, actor: { ...ctx.actor, userId: ctx.actor.userId } } });
});

const refuseNonStaff = (ctx: Context) => {
  if (!ctx.actor.userId && !ctx.actor.deviceId && !ctx.actor.apiKeyId)
    throw refusal("UNAUTHORIZED", "Please sign in as staff.", "staff_sign_in_required");
  const role = ctx.actor.role;
  if (ctx.actor.deviceId && !role) throw refusal("FORBIDDEN", "A kiosk cannot do this.", "kiosk_not_allowed");
  if (role !== "associate" && role !== "manager" && role !== "admin") {
    throw refusal("FORBIDDEN", "Only store staff can do this.", "staff_only");
  }
};

/** Any member of staff; the use-case checks the store of the thing acted on. */
export const staffProcedure = base.use(({ ctx, next }) => {
  refuseNonStaff(ctx);
  return next();
});

/** Staff acting on a store named in the input (`storeId`): refused unless they work there. */
export const storeStaffProcedure = staffProcedure.use(async ({ ctx, next, getRawInput }) => {
  const raw = (await getRawInput()) as { storeId?: unknown } | undefined;
  const storeId = typeof raw?.storeId === "string" ? raw.storeId : null;
  if (ctx.actor.role !== "admin" && (!storeId || !ctx.actor.storeIds.includes(storeId))) {
    throw refusal("FORBIDDEN", "You do not work in this store.", "not_your_store");
  }
  return next();
});

/** Managers of the store named in the input, and admins. */
export const storeManagerProcedure = storeStaffProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "manager" && ctx.actor.role !== "admin") {
    throw refusal("FORBIDDEN", "Only a manager of this store can do this.", "manager_only");
  }
  return next();
});

export const adminProcedure = staffProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "admin") throw refusal("FORBIDDEN", "Only an administrator can do this.", "admin_only");
  return next();
});

/** A paired kiosk device. */
export const kioskProcedure = base.use(({ ctx, next }) => {
  if (!ctx.actor.deviceId || !ctx.actor.deviceStoreId) {
    throw refusal("FORBIDDEN", "This can only be done at a kiosk in the store.", "kiosk_only");
  }
  return next({
    ctx: { ...ctx, actor: { ...ctx.actor, deviceId: ctx.actor.deviceId, deviceStoreId: ctx.actor.deviceStoreId } },
  });
});
