import { getDb } from "@omni/db";

// The background worker (outbox delivery, pickup and reservation expiry) is started here once the
// jobs exist; until then this process only keeps a connection ready.
getDb();
console.log("worker: ready");
setInterval(() => {}, 1 << 30);
