"""What saving a case file through the form editor does to the file: Decap CMS's own YAML format against the
project's writer (templates/cms/ecoredress-yaml.js), on every sample case, saved without a change and with
one amount changed. `python3 bench/cms/yaml_fidelity.py` (needs `npm ci`); results in RESULTS.md."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from ecoredress.project import find_project  # noqa: E402
from ecoredress.workbench.admin import write_admin  # noqa: E402

MEASURE = r"""
import fs from 'node:fs';
const [admin, cases, decapYaml] = process.argv.slice(2);
const { caseFormat } = await import(`${admin}/ecoredress-yaml.js`);
const yaml = (await import(decapYaml)).default;
const { fields } = (await import(`${admin}/vendor/yaml/index.js`)).parse(fs.readFileSync(`${admin}/config.yml`, 'utf8')).collections[0];
// decap-cms-core 3.19.1 formats/yaml.js (its helpers import has no file extension, so Node cannot load it as is)
const decap = {
  fromFile: (text) => yaml.parseDocument(text).toJSON(),
  toFile(data, order) {
    const contents = yaml.createNode(data);
    contents.items.sort((a, b) => { const i = order.indexOf(a.key.toString()), j = order.indexOf(b.key.toString()); return i < 0 || j < 0 ? 0 : i - j; });
    const doc = new yaml.Document(); doc.contents = contents; return doc.toString();
  },
};
const order = fields.map((f) => f.name);
const result = {};
for (const [name, save] of [['decap', (t, edit) => { const d = decap.fromFile(t); edit(d); return decap.toFile(d, order); }],
                            ['ecoredress', (t, edit) => { const f = caseFormat(fields); const d = f.fromFile(t); edit(d); f.saving(t); return f.toFile(d); }]]) {
  const r = { files: 0, lines: 0, unchanged_save_changed_lines: 0, comment_lines: 0, comment_lines_kept: 0, amounts_with_decimals: 0, amounts_kept: 0, amount_edit_changed_lines: 0 };
  for (const file of fs.readdirSync(cases).filter((n) => n.endsWith('.yaml')).sort()) {
    const text = fs.readFileSync(`${cases}/${file}`, 'utf8');
    const lines = text.split('\n');
    const diff = (out) => { const seen = new Set(out.split('\n')); return lines.filter((l) => !seen.has(l)).length; };
    const out = save(text, () => {});
    r.files += 1; r.lines += lines.length; r.unchanged_save_changed_lines += diff(out);
    const comments = lines.filter((l) => /(^|\s)#/.test(l)); r.comment_lines += comments.length;
    const kept = new Set(out.split('\n')); r.comment_lines_kept += comments.filter((l) => kept.has(l)).length;
    const decimals = text.match(/: \d+\.\d\d\b/g) || []; r.amounts_with_decimals += decimals.length;
    r.amounts_kept += decimals.filter((d) => out.includes(d)).length;
    r.amount_edit_changed_lines += diff(save(text, (d) => { d.damage.estimated_amount = 123456.7; }));
  }
  result[name] = r;
}
console.log(JSON.stringify(result));
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        write_admin(find_project(ROOT), Path(work), local_backend="http://127.0.0.1:8081/api/v1")
        script = Path(work) / "measure.mjs"
        script.write_text(MEASURE, encoding="utf-8")
        decap_yaml = ROOT / "node_modules" / "decap-cms-core" / "node_modules" / "yaml" / "index.js"
        done = subprocess.run(
            ["node", str(script), str(Path(work) / "admin"), str(ROOT / "cases"), str(decap_yaml)],
            capture_output=True,
            text=True,
        )
    if done.returncode:
        raise SystemExit(done.stderr)
    print(json.dumps(json.loads(done.stdout), indent=2))


if __name__ == "__main__":
    main()
