// Runs the form editor's YAML writer (admin/ecoredress-yaml.js of a built admin folder) as Decap does: load a
// file (fromFile), change the data the way a form would, save (toFile). One JSON request per line on stdin:
// {base, edits: [{op: "set" | "delete" | "append", path: [...], value}]} or {data} for a new file.
import fs from 'node:fs';
import readline from 'node:readline';

const admin = process.argv[2];
const { caseFormat } = await import(`${admin}/ecoredress-yaml.js`);
const { parse } = await import(`${admin}/vendor/yaml/index.js`);
const { fields } = parse(fs.readFileSync(`${admin}/config.yml`, 'utf8')).collections[0];

function apply(data, { op, path, value }) {
  const parent = path.slice(0, -1).reduce((node, key) => node[key], data);
  const key = path[path.length - 1];
  if (op === 'set') parent[key] = value;
  else if (op === 'append') parent[key].push(value);
  else if (Array.isArray(parent)) parent.splice(key, 1);
  else delete parent[key];
}

for await (const line of readline.createInterface({ input: process.stdin })) {
  const request = JSON.parse(line);
  const format = caseFormat(fields);
  let data = request.data;
  if (request.base !== undefined) {
    data = format.fromFile(request.base);
    for (const edit of request.edits) apply(data, edit);
    format.saving(request.base); // Decap's preSave event, as admin/ecoredress-cms.js registers it
  }
  process.stdout.write(`${JSON.stringify({ text: format.toFile(data) })}\n`);
}
