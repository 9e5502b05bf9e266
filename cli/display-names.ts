import { basename, dirname, relative, sep } from "path";

/** A file's name as messages show it when nothing else is known: its base name. */
export function displayName(path: string): string {
  return basename(path);
}

/**
 * The names the user knows the files by, for messages and reports: the base name (东湖镇.xlsx) when it is unique
 * in the run, else the path relative to the folder all the files are under (东湖镇/东湖镇.xlsx next to
 * 东湖镇.xlsx), with "/" separators, so the clerk can tell which file a message is about.
 */
export function displayNames(paths: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const p of paths) count.set(basename(p), (count.get(basename(p)) ?? 0) + 1);
  if (paths.every((p) => count.get(basename(p)) === 1)) return paths.map((p) => basename(p));
  const root = commonDir(paths);
  return paths.map((p) => (count.get(basename(p)) === 1 ? basename(p) : relative(root, p).split(sep).join("/")));
}

function commonDir(paths: readonly string[]): string {
  let root = dirname(paths[0]);
  for (const p of paths) {
    while (root !== dirname(root) && relative(root, p).startsWith("..")) root = dirname(root);
  }
  return root;
}
