/**
 * Every translation key the web app asks for exists in id.json: a missing key would show
 * raw (e.g. `settings.items.x.label`) to the user. Static keys must resolve to a string
 * (or its plural forms); keys built at run time (`nav.items.${key}`) must have their fixed
 * part resolve to a group of translations.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..');
const id = JSON.parse(readFileSync(path.join(SRC, 'i18n', 'id.json'), 'utf8')) as Record<string, unknown>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function lookup(key: string): unknown {
  let node: unknown = id;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function hasString(key: string): boolean {
  return ['', '_one', '_other'].some((suffix) => typeof lookup(`${key}${suffix}`) === 'string');
}

/** `t('a.b')`, `i18n.t("a.b")`, `t(\`a.${x}.c\`)`, `i18n.exists(...)` is a question, not a use: skipped. */
const CALL = /(?<![\w.])(?:i18n\.)?t\(\s*(['"`])((?:(?!\1)[^\\]|\\.)*)\1/g;
const I18N_KEY = /i18nKey=(['"])([^'"]+)\1/g;

interface Use {
  file: string;
  key: string;
  dynamic: boolean;
}

function uses(): Use[] {
  const out: Use[] = [];
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const re of [CALL, I18N_KEY]) {
      for (const m of text.matchAll(re)) {
        const key = m[2]!;
        out.push({ file: path.relative(SRC, file), key, dynamic: m[1] === '`' && key.includes('${') });
      }
    }
  }
  return out;
}

describe('web translation keys', () => {
  const all = uses();

  it('finds the keys the pages use', () => {
    expect(all.length).toBeGreaterThan(200);
  });

  it('resolves every static key to a text in id.json', () => {
    const missing = all.filter((u) => !u.dynamic && /^[a-zA-Z][\w-]*(\.[\w-]+)+$/.test(u.key) && !hasString(u.key)).map((u) => `${u.file}: ${u.key}`);
    expect(missing).toEqual([]);
  });

  it('resolves the fixed part of every key built at run time to a group of texts', () => {
    const missing = all
      .filter((u) => u.dynamic)
      .filter((u) => {
        // The fixed part before the first `${`: a group (`nav.items.`) or a group and the start of its keys (`x.judged_`).
        const fixed = u.key.slice(0, u.key.indexOf('${'));
        // `${base}.label` style keys start with a variable: nothing fixed to check.
        if (!fixed.includes('.')) return false;
        const dot = fixed.lastIndexOf('.');
        const group = lookup(fixed.slice(0, dot));
        const start = fixed.slice(dot + 1);
        return typeof group !== 'object' || group === null || !Object.keys(group).some((k) => k.startsWith(start));
      })
      .map((u) => `${u.file}: ${u.key}`);
    expect(missing).toEqual([]);
  });

  it('has no developer text in the texts (file names, setting keys)', () => {
    const texts: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (typeof node === 'string') texts.push(`${at}: ${node}`);
      else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, at ? `${at}.${k}` : k);
    };
    walk(id, '');
    expect(texts.filter((s) => /\b[\w-]+\.(md|ts|tsx|json|sql)\b|\b[a-z]+_[a-z_]+\.[a-z_]+\b/.test(s.slice(s.indexOf(': ') + 2)))).toEqual([]);
  });
});
