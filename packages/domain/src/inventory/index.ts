export * from "./reserve-stock";
export * from "./availability";
export * from "./inventory";
export * from "./stock-csv";
