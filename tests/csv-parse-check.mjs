// SPDX-License-Identifier: MIT
// csv-parse-check.mjs: read every CSV written by stylesheets/csv.xsl with a
// strict RFC 4180 parser (csv-parse, relax_quotes and relax_column_count off)
// and check the layout translators and tools rely on.
//
//   node tests/csv-parse-check.mjs FILE.csv...
//
// csv-parse is found through tests/node_modules (npm ci --prefix tests) or
// NODE_PATH. Prints one "ok FILE" or "FAIL FILE: reason" line per file and
// exits 1 when any file fails. One process for all files.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url); // honours NODE_PATH
let parse;
try {
  ({ parse } = require('csv-parse/sync'));
} catch (e) {
  console.log(`FAIL csv-parse: cannot load it (npm ci --prefix tests, or set NODE_PATH): ${e.message}`);
  process.exit(1);
}

const HEADER = ['location', 'kind', 'recipient', 'number', 'by', 'source', 'target', 'developer_comments'];
const KINDS = new Set(['dated-prose', 'prose', 'heading', 'finding', 'leadin', 'recipient', 'item',
                       'sub-item', 'state', 'footnote']);
const col = Object.fromEntries(HEADER.map((name, i) => [name, i]));

function check(file) {
  const bytes = readFileSync(file);
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'not valid UTF-8';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.endsWith('\r\n')) return 'the last row does not end with CRLF';
  if (/(^|[^\r])\n/.test(text)) return 'a line ends with a bare LF';
  if (/\r(?!\n)/.test(text)) return 'a bare CR';

  let records;
  try {
    records = parse(bytes, {
      bom: true,
      relax_quotes: false,
      relax_column_count: false,
      skip_empty_lines: false,
    });
  } catch (e) {
    return `strict parse: ${e.message}`;
  }
  if (records.length < 1) return 'no header row';
  if (records[0].join() !== HEADER.join()) return `header is ${JSON.stringify(records[0])}`;

  // Every field quoted: a field either starts a row or follows a comma, and
  // opens with a quote. Counting fields that start with `"` per record is
  // enough with the fixed column count: 8 opening quotes per line, all fields
  // being one line (normalize-space removes newlines).
  const lines = text.split('\r\n').slice(0, -1);
  if (lines.length !== records.length) return `${lines.length} lines but ${records.length} records (a field spans lines)`;
  for (const [i, line] of lines.entries()) {
    if (!/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/.test(line)) return `line ${i + 1}: a field is not quoted`;
  }

  const seen = new Set();
  for (const [i, rec] of records.slice(1).entries()) {
    const [id, kind, source, target, comments] =
      ['location', 'kind', 'source', 'target', 'developer_comments'].map((name) => rec[col[name]]);
    const where = `row ${i + 2}`;
    if (!id) return `${where}: empty location`;
    if (seen.has(id)) return `${where}: duplicate location ${id}`;
    seen.add(id);
    if (!KINDS.has(kind)) return `${where}: unknown kind ${JSON.stringify(kind)}`;
    if (!source) return `${where}: empty source`;
    if (source !== source.replace(/[ \t\r\n]+/g, ' ').trim()) return `${where}: source not whitespace-normalised`;
    if (target !== '') return `${where}: target not empty`;
    if (!comments) return `${where}: no developer_comments`;
  }
  return null;
}

let failed = 0;
for (const file of process.argv.slice(2)) {
  let problem;
  try {
    problem = check(file);
  } catch (e) {
    problem = e.message;
  }
  if (problem) {
    failed++;
    console.log(`FAIL csv-parse ${basename(file)}: ${problem}`);
  } else {
    console.log(`ok csv-parse ${basename(file)}`);
  }
}
process.exit(failed ? 1 : 0);
