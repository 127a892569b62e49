export * from "./recommendations";
export * from "./reviews";
export * from "./consent";
export * from "./stock-alerts";
export * from "./message-texts";
export * from "./message-previews";
export { PAYMENT_NOT_COMPLETED, type OrderPlacedText } from "./texts-orders";
export * from "./service-sms";
export * from "./review-requests";
