export * from "./account";
export * from "./account-kiosk-sign-in";
export * from "./account-tokens";
export * from "./email-verification";
export * from "./password-reset";
