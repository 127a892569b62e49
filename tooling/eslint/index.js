/**
 * Narrows shared configs to some folders: `within(["apps/web"], reactConfig)` applies React rules to files
 * under apps/web only, keeping each config's own file pattern (e.g. only .tsx) inside those folders.
 */
export function within(folders, configs) {
  return configs.map((config) => {
    const own = config.files ?? ["**/*"];
    return { ...config, files: folders.flatMap((folder) => own.map((pattern) => `${folder}/${pattern}`)) };
  });
}
