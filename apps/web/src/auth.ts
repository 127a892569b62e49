import { createAuth } from "@omni/auth";

export const { handlers, auth, signIn, signOut } = createAuth("web");
