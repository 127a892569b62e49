export { createAuth, type AppName } from "./next-auth";
export { authenticateDevice, deviceCookieName } from "./device";
export { loadUserActor } from "./user";
