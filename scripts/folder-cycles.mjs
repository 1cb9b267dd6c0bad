// Reports import cycles between folders of src/ (`npm run lint` runs it; exit 1 when there is one).
// Usage: node scripts/folder-cycles.mjs [sourceRoot], sourceRoot defaulting to src/.
// A folder is src/<name>, or src/upstreams/<name>; files directly in src/ are the composition root.
// Type-only imports count too: a cycle through types still ties the two folders' designs together. One exception:
// the caller's type (auth/caller.ts, auth/permissions.ts) is the edge's vocabulary that the resource kit in common/
// names in its signatures; type-only imports of it do not count (erased at run time). See VOCABULARY below.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SRC = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'src'));
const SPLIT_FURTHER = new Set(['upstreams']);
const VOCABULARY = new Set(['auth/caller.ts', 'auth/permissions.ts']);

/** Every import of a file: module specifier and whether it brings in types only. */
function importsOf(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: isTypeOnly(node) });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      ts.isStringLiteral(node.arguments[0] ?? {})
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isTypeOnly(node) {
  if (ts.isExportDeclaration(node)) {
    return (
      node.isTypeOnly ||
      (node.exportClause !== undefined &&
        ts.isNamedExports(node.exportClause) &&
        node.exportClause.elements.every((e) => e.isTypeOnly))
    );
  }
  const clause = node.importClause;
  if (!clause) {
    return false;
  }
  if (clause.isTypeOnly) {
    return true;
  }
  const named = clause.namedBindings;
  return (
    clause.name === undefined &&
    named !== undefined &&
    ts.isNamedImports(named) &&
    named.elements.length > 0 &&
    named.elements.every((e) => e.isTypeOnly)
  );
}

function sourceFiles(dir) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(path);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function folderOf(file) {
  const parts = relative(SRC, file).split('/');
  if (parts.length === 1) {
    return '(root)';
  }
  return SPLIT_FURTHER.has(parts[0]) && parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
}

function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) {
    return undefined;
  }
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) {
      return candidate;
    }
  }
  return undefined;
}

/** folder → folder → one example `file → import` */
const edges = new Map();
for (const file of sourceFiles(SRC)) {
  for (const { specifier: fileName, typeOnly } of importsOf(file)) {
    const target = resolveImport(file, fileName);
    if (!target || (typeOnly && VOCABULARY.has(relative(SRC, target)))) {
      continue;
    }
    const [a, b] = [folderOf(file), folderOf(target)];
    if (a === b) {
      continue;
    }
    if (!edges.has(a)) {
      edges.set(a, new Map());
    }
    if (!edges.get(a).has(b)) {
      edges.get(a).set(b, `${relative(SRC, file)} → ${fileName}`);
    }
  }
}

// Tarjan's strongly connected components: every component of two or more folders is a cycle.
let index = 0;
const stack = [];
const info = new Map();
const components = [];
function connect(v) {
  info.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!info.has(w)) {
      connect(w);
      info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
    } else if (info.get(w).onStack) {
      info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
    }
  }
  if (info.get(v).low === info.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      info.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) {
      components.push(component.sort());
    }
  }
}
for (const v of edges.keys()) {
  if (!info.has(v)) {
    connect(v);
  }
}

if (components.length === 0) {
  process.stdout.write('folder cycles: none\n');
} else {
  for (const component of components) {
    process.stderr.write(`folder cycle: ${component.join(' ↔ ')}\n`);
    for (const a of component) {
      for (const [b, example] of edges.get(a) ?? []) {
        if (component.includes(b)) {
          process.stderr.write(`  ${a} → ${b}: ${example}\n`);
        }
      }
    }
  }
  process.exitCode = 1;
}
