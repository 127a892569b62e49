export * from "./return-amounts";
export * from "./return-lookup";
export * from "./return-messages";
export * from "./return-policy";
export * from "./return-receive";
export * from "./return-state-machine";
export * from "./returns";
