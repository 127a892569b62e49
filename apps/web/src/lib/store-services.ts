/** The services a location offers, from its flags, as message keys of the "stores" namespace. */
export function storeServices(store: { pickup: boolean; reservations: boolean; returns: boolean; type: string }) {
  const services: ("servicePickup" | "serviceReservations" | "serviceReturns" | "serviceKiosk")[] = [];
  if (store.pickup) services.push("servicePickup");
  if (store.reservations) services.push("serviceReservations");
  if (store.returns) services.push("serviceReturns");
  if (store.type === "store") services.push("serviceKiosk");
  return services;
}

export const mapLink = (lat: number, lng: number) =>
  `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;
