// The form editor of the internal site: Decap CMS, configured by admin/config.yml (generated from
// schema/case.schema.json by `ecoredress cms config`), plus what Decap does not do by itself:
//
// 1. Save a case file the way the project writes YAML (ecoredress-yaml.js): only what the form changed.
// 2. Name a new file after its case id exactly (YC-2024-003.yaml): Decap lower-cases every slug, and a case
//    file must carry its id as its name (`ecoredress check`: filename-mismatch).
import { caseFormat } from './ecoredress-yaml.js';
import { parse } from './vendor/yaml/index.js';

const config = parse(await (await fetch('config.yml')).text());
const { fields } = config.collections.find((c) => c.format === 'ecoredress-yaml');
const caseId = new RegExp(fields.find((f) => f.name === 'id').pattern[0]);

// Decap lower-cases each slug part with String.prototype.toLocaleLowerCase; a string that is exactly a case
// id is left as it is, every other string is lower-cased as before.
const lowerCase = String.prototype.toLocaleLowerCase;
String.prototype.toLocaleLowerCase = function (...locales) {
  const text = String(this);
  return caseId.test(text) ? text : lowerCase.apply(text, locales);
};

const format = caseFormat(fields);
window.CMS.registerCustomFormat('ecoredress-yaml', 'yaml', format);
// The text of the entry being saved is the base of the save (ecoredress-yaml.js), even when its id changed.
window.CMS.registerEventListener({ name: 'preSave', handler: ({ entry }) => format.saving(entry.get('raw')) });
window.CMS.init({ config: { ...config, load_config_file: false } });
