/**
 * The online warehouse: the platform's own location that home delivery ships from. It is not a store
 * someone named, so screens word it from their catalogue in the reader's language; stores keep their names.
 */
export const ONLINE_LOCATION = "online";
