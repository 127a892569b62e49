export { formatMoney } from "./money";
export { Price } from "./price";
export { StockBadge } from "./stock-badge";
export { ProductImage } from "./product-image";
export { QrCode } from "./qr-code";
export { Button } from "./button";
export { Spinner } from "./spinner";
export { EmptyState } from "./empty-state";
export { ErrorMessage } from "./error-message";
export { StatusBadge, statusLabel } from "./status-badge";
export { ChannelLabel, channelLabel } from "./channel";
export { OrderTimeline, eventLabel, type TimelineEvent } from "./order-timeline";
export { OpeningHoursList, groupOpeningHours, type OpeningHours } from "./opening-hours";
export {
  StoreAvailability,
  orderAvailability,
  distanceKm,
  type AvailabilityStore,
  type Position,
} from "./store-availability";
export { PickupCodeCard, groupCode, type PickupStore } from "./pickup-code-card";
export { EligibilityView, eligibilityReason, type EligibilityLine } from "./eligibility-view";
export { OnScreenKeyboard, applyKey } from "./on-screen-keyboard";
export { TruckIcon, StoreIcon, GlobeIcon, KioskIcon, GearIcon } from "./icons";
