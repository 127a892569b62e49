import type { parcelLockers } from "../schema";

type Locker = typeof parcelLockers.$inferInsert;

/** Five parcel lockers in each store city, spread around its centre (ids in the InPost style). */
const cities = [
  {
    code: "KRA",
    city: "Kraków",
    postal: "31-0",
    lat: 50.0614,
    lng: 19.9366,
    streets: ["Karmelicka", "Dietla", "Wielicka", "Mogilska", "Kalwaryjska"],
  },
  {
    code: "WAW",
    city: "Warszawa",
    postal: "00-",
    lat: 52.2297,
    lng: 21.0122,
    streets: ["Marszałkowska", "Puławska", "Grójecka", "Targowa", "Żelazna"],
  },
  {
    code: "GDA",
    city: "Gdańsk",
    postal: "80-",
    lat: 54.352,
    lng: 18.6466,
    streets: ["Grunwaldzka", "Długa", "Kartuska", "Chmielna", "Wały Piastowskie"],
  },
  {
    code: "WRO",
    city: "Wrocław",
    postal: "50-",
    lat: 51.1079,
    lng: 17.0385,
    streets: ["Świdnicka", "Legnicka", "Kazimierza Wielkiego", "Ruska", "Traugutta"],
  },
  {
    code: "POZ",
    city: "Poznań",
    postal: "61-",
    lat: 52.4064,
    lng: 16.9252,
    streets: ["Święty Marcin", "Głogowska", "Dąbrowskiego", "Garbary", "Półwiejska"],
  },
];

const offsets = [
  [0.004, 0.006],
  [-0.012, 0.003],
  [0.018, -0.015],
  [-0.025, -0.02],
  [0.035, 0.03],
];

export const seedLockers: Locker[] = cities.flatMap((c) =>
  c.streets.map((street, i) => ({
    id: `${c.code}0${i + 1}M`,
    name: `Paczkomat ${c.code}0${i + 1}M`,
    address: `${street} ${10 + i * 7}`,
    city: c.city,
    postalCode: `${c.postal}${String(10 + i * 11).padStart(c.postal.length === 4 ? 2 : 3, "0")}`,
    lat: Math.round((c.lat + offsets[i]![0]!) * 1e5) / 1e5,
    lng: Math.round((c.lng + offsets[i]![1]!) * 1e5) / 1e5,
  })),
);
