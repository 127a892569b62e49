export * from "./account";
export * from "./account-kiosk-sign-in";
