export { appRouter, type AppRouter } from "./root";
export { createContext, bearerToken, type Context, type AppName } from "./context";
export { createCallerFactory } from "./trpc";
