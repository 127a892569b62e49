import { ONLINE_LOCATION } from "@omni/core";

/**
 * A location's name as the clerk reads it: the online warehouse (the platform's own location) in the
 * clerk's language from the catalogue (`locations.online`, given as `online`), a store by the name it was given.
 */
export const locationNameWith =
  (online: string) =>
  (id: string | null | undefined, name: string): string =>
    id === ONLINE_LOCATION ? online : name;
