export * from "./mailer";
export * from "./notifications";
export * from "./deliver-outbox";
