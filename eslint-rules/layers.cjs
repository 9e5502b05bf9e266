// The house rules of docs/architecture.md ("Layout"), checked by ESLint rather than by memory: which module may
// import which, which packages each may use, and that a module is entered only through its public face
// (index.ts; addin/io also has node.ts, the Node-only face with the file system).
const { dirname, relative, resolve, sep } = require("node:path");
const { builtinModules } = require("node:module");

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Module folder → what it may import. `modules`: other modules; `packages`: npm packages; `node`: Node built-ins. */
const LAYERS = {
  "addin/i18n": { modules: [], packages: [] },
  "addin/metrics": { modules: [], packages: [] },
  "addin/grid": { modules: [], packages: [] },
  "addin/templates": { modules: ["addin/grid", "addin/metrics", "addin/i18n"], packages: ["zod", "mathjs"] },
  "addin/validate": { modules: ["addin/grid", "addin/templates", "addin/metrics", "addin/i18n"], packages: [] },
  "addin/merge": { modules: ["addin/validate", "addin/templates", "addin/metrics", "addin/grid", "addin/i18n"], packages: [] },
  // The file libraries live here and only here; io knows Grids and tables, not what a merge is.
  "addin/io": { modules: ["addin/grid", "addin/i18n"], packages: ["exceljs", "@e965/xlsx", "iconv-lite", "chardet"], node: true },
  functions: { modules: ["addin/metrics", "addin/i18n"], packages: [] },
  taskpane: { modules: ["addin/*"], packages: ["react", "react-dom", "@fluentui/react-components", "@fluentui/react-icons"] },
  cli: { modules: ["addin/*"], packages: ["commander", "cli-progress"], node: true },
};

/**
 * The files through which another module may enter a module. addin/io has more than one on purpose: node.ts needs the
 * file system, and the pane loads reading.ts, writing.ts (ExcelJS) and summary-workbook.ts as separate lazy chunks, while
 * it names annotated copies (annotated-name.ts) before any of them is loaded. Likewise the pane counts a report's
 * issues (addin/validate/report.ts) and words a township's status (addin/merge/status.ts) on its first load, before
 * the validation and merge engines are loaded, and the template's JSON
 * Schema (addin/templates/json-schema.ts) is for the CLI only, kept out of the pane's bundle.
 */
const FACES = {
  "addin/io": ["index", "node", "reading", "writing", "summary-workbook", "annotated-name"],
  "addin/validate": ["index", "report"],
  "addin/merge": ["index", "status"],
  "addin/templates": ["index", "json-schema"],
};

const MODULES = Object.keys(LAYERS).sort((a, b) => b.length - a.length);

function moduleOf(rel) {
  const p = rel.split(sep).join("/");
  return MODULES.find((m) => p === m || p.startsWith(`${m}/`));
}

function packageName(spec) {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

const layers = {
  meta: {
    type: "problem",
    docs: { description: "Imports follow the module layers of docs/architecture.md" },
    schema: [],
    messages: {
      layer: "{{from}} may not import {{to}} (docs/architecture.md, Layout): allowed are {{allowed}}.",
      face: "Import {{to}} through its public face ({{faces}}), not its inner file {{file}}.",
      pkg: "{{from}} may not use the package '{{pkg}}' (docs/architecture.md, Layout): allowed are {{allowed}}.",
      node: "{{from}} may not use Node's '{{pkg}}': it runs in the browser and in Excel too.",
    },
  },
  create(context) {
    const root = context.cwd ?? process.cwd();
    const file = relative(root, context.filename);
    const from = moduleOf(file);
    if (!from) return {}; // tests, bench, scripts, config: anything goes
    const rule = LAYERS[from];
    const check = (node, spec) => {
      if (typeof spec !== "string") return;
      if (spec.startsWith(".")) {
        const target = relative(root, resolve(dirname(context.filename), spec));
        const to = moduleOf(target);
        if (!to || to === from) return;
        const allowed = rule.modules.some((m) => m === to || (m.endsWith("/*") && to.startsWith(m.slice(0, -1))));
        if (!allowed) {
          context.report({ node, messageId: "layer", data: { from, to, allowed: rule.modules.join(", ") || "none" } });
          return;
        }
        const inner = target.split(sep).join("/").slice(to.length + 1).replace(/\.(ts|tsx|js)$/, "");
        const faces = FACES[to] ?? ["index"];
        if (inner !== "" && !faces.includes(inner)) context.report({ node, messageId: "face", data: { to, faces: faces.map((f) => `${to}/${f}.ts`).join(", "), file: inner } });
        return;
      }
      if (NODE_BUILTINS.has(spec)) {
        if (!rule.node) context.report({ node, messageId: "node", data: { from, pkg: spec } });
        return;
      }
      const pkg = packageName(spec);
      if (!rule.packages.includes(pkg)) context.report({ node, messageId: "pkg", data: { from, pkg, allowed: rule.packages.join(", ") || "none" } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === "Identifier" && node.callee.name === "require" && node.arguments[0]?.type === "Literal") check(node, node.arguments[0].value);
      },
    };
  },
};

module.exports = { rules: { layers }, LAYERS };
