import { eq, sql } from "drizzle-orm";
import type { z } from "zod";

import { categories, type Database } from "@omni/db";

import { conflict, isUniqueViolation, notFound, recordAudit, type Actor } from "../kernel";
import type { categoryFields } from "./catalog-inputs";

type CategoryInput = z.output<typeof categoryFields>;

/** A new category, named in English and Polish; it goes last unless given a position. */
export async function createCategory(db: Database, actor: Actor, input: CategoryInput) {
  return db.transaction(async (tx) => {
    const position =
      input.position ??
      (await tx.execute<{ next: number }>(sql`select coalesce(max(position) + 1, 0)::int as next from categories`))[0]
        ?.next ??
      0;
    try {
      const [row] = await tx
        .insert(categories)
        .values({ ...input, position })
        .returning();
      await recordAudit(tx, actor, {
        action: "categories.create",
        entityType: "category",
        entityId: row!.slug,
        after: row,
      });
      return row!;
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(`The category "${input.slug}" already exists.`, {
          reason: "category_exists",
          category: input.slug,
        });
      throw error;
    }
  });
}

/** Renames a category (either language), moves it, or changes whether its products are final sale. */
export async function updateCategory(
  db: Database,
  actor: Actor,
  input: { slug: string } & Partial<Omit<CategoryInput, "slug">>,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(categories).where(eq(categories.slug, input.slug)).for("update");
    if (!before) throw notFound(`The category "${input.slug}"`, "category_not_found", { category: input.slug });
    const { slug, ...changes } = input;
    const [after] = await tx.update(categories).set(changes).where(eq(categories.slug, slug)).returning();
    await recordAudit(tx, actor, {
      action: "categories.update",
      entityType: "category",
      entityId: slug,
      before,
      after,
    });
    return after!;
  });
}
