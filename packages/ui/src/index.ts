export { formatMoney } from "./money";
export { Price } from "./price";
export { StockBadge } from "./stock-badge";
export { ProductImage } from "./product-image";
export { QrCode } from "./qr-code";
