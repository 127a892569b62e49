import { prepareDatabase } from "./database";

// Prints the URL of the development database, starting and seeding it if needed (the server keeps running).
const { url } = await prepareDatabase();
console.log(url);
process.exit(0);
