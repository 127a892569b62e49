"use client";

import { createContext, useContext, type ReactNode } from "react";

export type StaffStore = { id: string; name: string; city: string; type: string };
export type StaffInfo = {
  userId: string;
  name: string;
  email: string;
  role: "associate" | "manager" | "admin";
  /** The store chosen in the switcher: every screen works on it. */
  storeId: string;
  stores: StaffStore[];
};

const StaffContext = createContext<StaffInfo | null>(null);

export function StaffProvider({ value, children }: { value: StaffInfo; children: ReactNode }) {
  return <StaffContext.Provider value={value}>{children}</StaffContext.Provider>;
}

/** Who is signed in and which store they are working in. */
export function useStaff(): StaffInfo {
  const value = useContext(StaffContext);
  if (!value) throw new Error("useStaff outside the staff layout");
  return value;
}

export const canManageStock = (staff: StaffInfo) => staff.role === "manager" || staff.role === "admin";
