// Loaded into decap-server (node --require): its file mode saves a case file with fs.promises.writeFile, which
// truncates the file and then writes it. Whoever reads in between (the internal site's rebuild, git, an editor)
// sees an empty file, and a save that fails half-way leaves one. Here a save writes a file beside the case
// file, flushes it to disk and renames it over the case file: readers see the old content or the new, whole.
"use strict";

const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const writeFile = fs.promises.writeFile;

fs.promises.writeFile = async function saveWhole(file, data, options) {
  if (typeof file !== "string") {
    return writeFile.call(this, file, data, options); // a file handle: nothing to rename
  }
  const target = await fs.promises.realpath(file).catch(() => file);
  const suffix = `${process.pid}-${crypto.randomBytes(6).toString("hex")}`;
  const beside = path.join(path.dirname(target), `.${path.basename(target)}.${suffix}.saving`);
  const mode = await fs.promises.stat(target).then((s) => s.mode & 0o7777, () => 0o644);
  const handle = await fs.promises.open(beside, "wx", mode);
  try {
    await handle.writeFile(data, options);
    await handle.sync();
    await handle.close();
    await fs.promises.rename(beside, target);
  } catch (error) {
    await handle.close().catch(() => {});
    await fs.promises.unlink(beside).catch(() => {});
    throw error;
  }
};
