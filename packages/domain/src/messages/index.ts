export * from "./mailer";
export * from "./notifications";
export * from "./deliver-outbox";
export * from "./sms-provider";
