export * from "./recommendations";
export * from "./reviews";
export * from "./consent";
export * from "./stock-alerts";
export * from "./message-texts";
export * from "./service-sms";
export * from "./review-requests";
