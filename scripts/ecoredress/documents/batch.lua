-- Convert a batch of Markdown documents in one pandoc process (pandoc lua batch.lua JOBS.json).
-- Starting pandoc once per batch instead of once per document is what makes `ecoredress render` fast.
--
-- JOBS.json: {"reference_doc": path, "typst_template": path, "variables": {...},
--             "jobs": [{"markdown": text, "docx": path or null, "typst": path or null}]}
-- Divs with a class below become Word paragraph styles (docx) or template functions (typst).

local STYLES = {
  docno = '文号',
  recipient = '主送机关',
  signature = '署名',
  basis = '依据',
}

local function docx_styles(div)
  local style = STYLES[div.classes[1]]
  if style then
    div.attributes['custom-style'] = style
    return div
  end
end

local function typst_styles(div)
  local class = div.classes[1]
  if STYLES[class] then
    local blocks = pandoc.Blocks{pandoc.RawBlock('typst', '#gb-' .. class .. '[')}
    blocks:extend(div.content)
    blocks:insert(pandoc.RawBlock('typst', ']'))
    return blocks
  end
end

local function write_file(path, content)
  local handle = assert(io.open(path, 'wb'))
  handle:write(content)
  handle:close()
end

local function read_file(path)
  local handle = assert(io.open(path, 'rb'))
  local content = handle:read('a')
  handle:close()
  return content
end

local spec = pandoc.json.decode(read_file(arg[1]), false)
local typst_options = {
  template = pandoc.template.compile(read_file(spec.typst_template)),
  variables = spec.variables,
}
local docx_options = {reference_doc = spec.reference_doc}

-- Pandoc gives a pipe table relative column widths (from its dashes) only when a row is wider than
-- `columns`; a narrow setting makes every table use the widths the template states, in docx and typst alike.
local reader_options = {columns = 8}

for _, job in ipairs(spec.jobs) do
  local doc = pandoc.read(job.markdown, 'markdown', reader_options)
  if job.docx ~= pandoc.json.null and job.docx then
    write_file(job.docx, pandoc.write(doc:walk{Div = docx_styles}, 'docx', docx_options))
  end
  if job.typst ~= pandoc.json.null and job.typst then
    write_file(job.typst, pandoc.write(doc:walk{Div = typst_styles}, 'typst', typst_options))
  end
end
