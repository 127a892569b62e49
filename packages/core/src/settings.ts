/** One problem with one setting, as a standard schema (zod, through @t3-oss/env-core) reports it. */
type SettingIssue = { message: string; path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> };

/**
 * The error that stops a process whose settings are missing or malformed, naming each setting:
 * "Invalid settings: DATABASE_POOL_SIZE Invalid input: expected number, received NaN".
 */
export function invalidSettings(issues: readonly SettingIssue[]): Error {
  const named = issues.map((issue) => {
    const name = (issue.path ?? []).map((part) => String(typeof part === "object" ? part.key : part)).join(".");
    return `${name} ${issue.message}`;
  });
  return new Error(`Invalid settings: ${named.join("; ")}`);
}
