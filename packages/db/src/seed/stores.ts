import type { OpeningHours } from "../schema";

const weekdays = ["09:00", "21:00"] as [string, string];
const hours = (sat: [string, string], sun: [string, string] | null): OpeningHours => ({
  mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays, sat, sun,
});

export const seedLocations = [
  { id: "krakow", name: "Omni Kraków Galeria", city: "Kraków", address: "ul. Pawia 5", postalCode: "31-154", lat: 50.0675, lng: 19.945, phone: "+48 12 555 01 01", pickupPoint: "Niebieska lada na parterze, obok przymierzalni" },
  { id: "warszawa", name: "Omni Warszawa Centrum", city: "Warszawa", address: "ul. Złota 59", postalCode: "00-120", lat: 52.2297, lng: 21.0031, phone: "+48 22 555 02 02", pickupPoint: "Stanowisko odbioru na 1. piętrze, przy schodach ruchomych" },
  { id: "gdansk", name: "Omni Gdańsk Oliwa", city: "Gdańsk", address: "al. Grunwaldzka 141", postalCode: "80-264", lat: 54.3807, lng: 18.6011, phone: "+48 58 555 03 03", pickupPoint: "Punkt obsługi przy wejściu" },
  { id: "wroclaw", name: "Omni Wrocław Rynek", city: "Wrocław", address: "Rynek 12", postalCode: "50-101", lat: 51.1101, lng: 17.0312, phone: "+48 71 555 04 04", pickupPoint: "Lada w głębi sklepu" },
  { id: "poznan", name: "Omni Poznań Stary Browar", city: "Poznań", address: "ul. Półwiejska 42", postalCode: "61-888", lat: 52.4017, lng: 16.9264, phone: "+48 61 555 05 05", pickupPoint: "Punkt odbioru przy głównym wejściu" },
].map((s) => ({
  ...s,
  type: "store" as const,
  pickup: true,
  reservations: true,
  returns: true,
  openingHours: hours(["10:00", "20:00"], ["10:00", "18:00"]),
}));

export const onlineWarehouse = {
  id: "online",
  name: "Omni Online Warehouse",
  city: "Stryków",
  address: "ul. Logistyczna 1",
  postalCode: "95-010",
  type: "warehouse" as const,
  pickup: false,
  reservations: false,
  returns: false,
  lat: 51.9, lng: 19.6, phone: "+48 42 555 00 00",
  openingHours: null,
  pickupPoint: "",
};
