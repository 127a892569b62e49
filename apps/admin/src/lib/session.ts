import "server-only";

import { auth } from "@/auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

export const storeCookieName = "omni-admin-store";

export type StaffRole = "associate" | "manager" | "admin";
export type StaffUser = { id: string; email: string; name: string; role: StaffRole; storeIds: string[] };

export const isStaffRole = (role: string | undefined): role is StaffRole =>
  role === "associate" || role === "manager" || role === "admin";

/**
 * The signed-in person, or a redirect to the sign-in page. A customer account comes back with
 * `staff: false` so that the page can say "staff only" instead of looping through sign-in.
 */
export async function requireSession(): Promise<{ staff: true; user: StaffUser } | { staff: false; email: string }> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id) redirect("/sign-in");
  if (!isStaffRole(user.role)) return { staff: false, email: user.email };
  return {
    staff: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, storeIds: user.storeIds },
  };
}

/** The store chosen in the switcher, if the person may still work there; else their first store. */
export async function chosenStore(allowed: string[]): Promise<string | null> {
  const remembered = (await cookies()).get(storeCookieName)?.value;
  if (remembered && allowed.includes(remembered)) return remembered;
  return allowed[0] ?? null;
}
