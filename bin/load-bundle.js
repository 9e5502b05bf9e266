// Loads a CLI bundle of dist-cli/ (scripts/build-cli.js) as node's CommonJS loader would, but with V8's code cache for
// it, made when the bundle was built: node then deserialises the bundle's compiled functions instead of compiling them
// (the CLI's 5 MB bundle loads in ≈ 0.16 s instead of ≈ 0.25 s, a worker's in ≈ 0.11 s instead of ≈ 0.17 s;
// docs/decisions.md).
//
// The cache is <bundle>.v8cache: the CRC-32 of the bundle it was made from, then V8's data. V8 itself checks only that
// the data is for this V8 (version and flags) and the source's length, so the checksum is what keeps a rebuilt bundle
// from running a stale cache (a rebuild of the same length and the same CRC-32 is one in four billion; SHA-1 of the 5 MB
// bundle cost 12 ms of every start, CRC-32 1 ms). A cache that is missing, stale or refused by this node costs nothing
// but the usual compile.
const { existsSync, readFileSync, writeFileSync } = require("fs");
const Module = require("module");
const { dirname } = require("path");
const vm = require("vm");
const { crc32 } = require("zlib");

const HASH_BYTES = 4;

/** The bundle compiled (with its cache when it is this bundle's) into node's CommonJS wrapper function. */
function compile(file) {
  const source = readFileSync(file);
  const hash = Buffer.alloc(HASH_BYTES);
  hash.writeUInt32LE(crc32(source));
  const cacheFile = `${file}.v8cache`;
  let cachedData;
  if (existsSync(cacheFile)) {
    const cache = readFileSync(cacheFile);
    if (cache.length > HASH_BYTES && cache.subarray(0, HASH_BYTES).equals(hash)) cachedData = cache.subarray(HASH_BYTES);
  }
  const script = new vm.Script(Module.wrap(source.toString("utf8")), { filename: file, cachedData });
  return { script, hash, cacheFile };
}

/** Runs the bundle as a CommonJS module (its own `module`, `require` resolving from its folder) and gives its exports. */
function run(file, script) {
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  return mod.exports;
}

/** The bundle's exports, loaded through its code cache. */
function loadBundle(file) {
  return run(file, compile(file).script);
}

/**
 * Writes the bundle's code cache (scripts/build-cli.js, in a child process of its own). With `execute`, the bundle's
 * top level is run first, so that the functions it calls as it loads are in the cache too; a worker's bundle, which
 * starts listening to its parent as it loads, is only compiled.
 */
function writeCache(file, execute) {
  const { script, hash, cacheFile } = compile(file);
  if (execute) run(file, script);
  writeFileSync(cacheFile, Buffer.concat([hash, script.createCachedData()]));
}

module.exports = { loadBundle, writeCache };
