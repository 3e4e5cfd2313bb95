// The project's import graph, read with the TypeScript parser (no bundler, no type checker): which file imports which,
// and whether an import can carry code at run time. The architecture test checks the house rules on it; run as a
// script (`npm run arch:graph`) it prints a summary per folder, the shape dependency-cruiser's text output gives.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export interface ImportEdge {
  /** Importing file, relative to the root, with `/` separators. */
  from: string;
  /** A file relative to the root, or `npm:<package>` for a bare specifier (its package name only). */
  to: string;
  /**
   * False for `import type` / `export type` only: erased at build time. Anything else (including
   * `import { type A }`, which `verbatimModuleSyntax` keeps as a side-effect import) can bundle the target.
   */
  value: boolean;
}

const SOURCE = /\.(ts|tsx)$/;
const SKIP_DIRS = new Set(['node_modules', '.output', '.wxt', '.git', 'tests', 'coverage', 'demo-output']);

/** Every .ts/.tsx source file under `root` (tests and build output excluded), relative with `/` separators. */
export function sourceFiles(root: string, dir = root): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP_DIRS.has(name)) files.push(...sourceFiles(root, path));
    } else if (SOURCE.test(name) && !name.endsWith('.d.ts')) {
      files.push(toKey(root, path));
    }
  }
  return files.sort();
}

function toKey(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function resolveRelative(root: string, from: string, specifier: string): string {
  const base = resolve(root, dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return toKey(root, candidate);
  }
  return toKey(root, base);
}

/** The imports of one file: static imports, re-exports and `import('…')` calls. */
function importsOf(root: string, file: string): ImportEdge[] {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const add = (specifier: string, value: boolean) => {
    const to = specifier.startsWith('.') ? resolveRelative(root, file, specifier) : `npm:${packageName(specifier)}`;
    edges.push({ from: file, to, value });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, !node.importClause?.isTypeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, !node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteral(argument)) add(argument.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** All import edges of the source files under `root`. */
export function importGraph(root: string): ImportEdge[] {
  return sourceFiles(root).flatMap((file) => importsOf(root, file));
}

/** Every file (and `npm:` package) reachable from `entry` through value imports: what a bundle of `entry` can contain. */
export function valueClosure(edges: readonly ImportEdge[], entry: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of edges) if (edge.value) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const seen = new Set([entry]);
  const stack = [entry];
  while (stack.length) {
    for (const to of next.get(stack.pop() as string) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        stack.push(to);
      }
    }
  }
  return seen;
}

/** The top folder of a file (`page/session.ts` → `page`), or the package for `npm:` targets. */
function folderOf(key: string): string {
  return key.startsWith('npm:') ? key : (key.split('/')[0] ?? key);
}

/** Import cycles between files (value and type imports alike), each as the list of files around the loop. */
export function cycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) if (!edge.to.startsWith('npm:')) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const walk = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const to of next.get(node) ?? []) {
      if (state.get(to) === 'open') found.push(path.slice(path.indexOf(to)));
      else if (!state.has(to)) walk(to);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of next.keys()) if (!state.has(node)) walk(node);
  return found;
}

function summary(root: string): string {
  const edges = importGraph(root);
  const lines: string[] = [];
  const byFolder = new Map<string, Map<string, { value: number; type: number }>>();
  for (const edge of edges) {
    const from = folderOf(edge.from);
    const to = folderOf(edge.to);
    if (from === to) continue;
    const row = byFolder.get(from) ?? new Map();
    const cell = row.get(to) ?? { value: 0, type: 0 };
    cell[edge.value ? 'value' : 'type'] += 1;
    row.set(to, cell);
    byFolder.set(from, row);
  }
  lines.push(`${sourceFiles(root).length} source files, ${edges.length} imports, ${cycles(edges).length} cycles`);
  for (const [from, row] of [...byFolder].sort()) {
    const targets = [...row].sort().map(([to, c]) => `${to} (${c.value}${c.type ? ` + ${c.type} type-only` : ''})`);
    lines.push(`${from} → ${targets.join(', ')}`);
  }
  const content = valueClosure(edges, 'entrypoints/content/index.ts');
  const packages = [...content].filter((k) => k.startsWith('npm:')).sort();
  lines.push(`content script reaches ${[...content].filter((k) => !k.startsWith('npm:')).length} files; packages: ${packages.join(', ')}`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(summary(resolve(process.argv[2] ?? '.')));
}
