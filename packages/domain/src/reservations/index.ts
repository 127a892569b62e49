export * from "./reservations";
export * from "./reservation-fulfil";
export * from "./reservation-view";
export * from "./expire-reservations";
export * from "./reservation-reminders";
export * from "./reservation-state-machine";
