-- Convert a batch of Markdown documents in one pandoc process (pandoc lua batch.lua JOBS.json).
-- Starting pandoc once per batch instead of once per document is what makes `ecoredress render` fast.
--
-- JOBS.json: {"reference_doc": path, "typst_template": path, "variables": {...},
--             "jobs": [{"markdown": text, "docx": path or null, "typst": path or null}]}
--
-- Divs written by templates/documents/_layout.md.j2 become Word paragraph styles (docx, defined in
-- reference_docx.py) or functions of gbt9704.typ (typst):
--   docno, recipient  a styled block
--   closing           此致 and the addressee
--   signature         issuer line(s), then the date as the last paragraph
--   parties > party   one signature block per party of an agreement
--   annex             附件说明: a label (附件：, a court filing's 附：), then one paragraph per annex
--   approval          审批意见 of an approval form: lines to sign and write in, a blank line between them
-- The block before a closing, signature, parties or annex block is kept on the page of that block; an
-- approval block is kept whole and with what follows it.

local STYLES = {
  docno = '文号',
  recipient = '主送机关',
}
-- The paragraph styles of a block's lines: its first line's and the others'.
local LINE_STYLES = {
  closing = {first = '结束语', rest = '结束语顶格'},  -- 此致 / the addressee
  signature = {first = '署名首行', rest = '署名'},  -- docx_layout.py centres each line on the date
  annex = {first = '附件说明首行', rest = '附件说明'},  -- docx_layout.py indents each annex
  approval = {first = '审批栏首行', rest = '审批栏'},
}
local PARTY_STYLES = {first = '签署方首行', rest = '签署方'}  -- the lines of each party of a parties block
local KEEP_STYLE = '正文末段'  -- a body paragraph kept on the page of the signature after it
local SIGNING = {closing = true, signature = true, parties = true}  -- lines set whole, never broken
local KEPT_BEFORE = {closing = true, signature = true, parties = true, annex = true, approval = true}

-- A table is set in 4号 (14 pt) in a 156 mm (442.2 pt) line; a cell pads its text by about 12 pt.
local TABLE_PT, LINE_PT, CELL_PAD_PT = 14, 442.2, 12

local function class_of(block)
  return block and block.t == 'Div' and block.classes[1] or nil
end

-- Add a block, or each block of a list, to ``out``.
local function append(out, converted)
  if converted.t then
    table.insert(out, converted)
  else
    for _, block in ipairs(converted) do
      table.insert(out, block)
    end
  end
end

local function paragraphs(div)
  local found = {}
  for _, block in ipairs(div.content) do
    if block.t == 'Para' or block.t == 'Plain' then
      table.insert(found, block)
    end
  end
  return found
end

-- A line break between two Chinese characters in the Markdown is no space in the document: what pandoc's
-- east_asian_line_breaks does on the command line, which pandoc.read leaves out. (Code points of the East
-- Asian wide and full-width ranges.)
local function wide(code)
  return (code >= 0x2E80 and code <= 0xA4CF) or (code >= 0xF900 and code <= 0xFAFF)
    or (code >= 0xFE30 and code <= 0xFE4F) or (code >= 0xFF00 and code <= 0xFF60) or code >= 0x20000
end

local function join_east_asian(inlines)
  for i = #inlines - 1, 2, -1 do
    local before, after = inlines[i - 1], inlines[i + 1]
    if inlines[i].t == 'SoftBreak' and before.t == 'Str' and after.t == 'Str'
      and wide(utf8.codepoint(before.text, utf8.offset(before.text, -1))) and wide(utf8.codepoint(after.text, 1)) then
      inlines:remove(i)
    end
  end
  return inlines
end

-- Figures and Latin letters: what the Latin face sets (gbt9704.typ), runs of which never break.
local function latin(code)
  return code > 32 and code < 0x2000
end

-- 附件说明 ------------------------------------------------------------------------------------------

-- _layout.md.j2 writes "附件：1.名称", "2.名称" (one annex: "附件：名称"). The label and the number become Spans of
-- their own before anything else splits the text (unit_breaks), so that gbt9704.typ can hang each name under
-- its first character; the docx gets the same indents from docx_layout.py, which reads the text.
local ANNEX_LABELS = {'附件：', '附：'}

local function split_annex_item(para)
  local head = para.content[1]
  if not head or head.t ~= 'Str' then
    return para
  end
  local text, parts = head.text, {}
  for _, word in ipairs(ANNEX_LABELS) do
    if text:sub(1, #word) == word then
      table.insert(parts, pandoc.Span(pandoc.Str(word), pandoc.Attr('', {'label'})))
      text = text:sub(#word + 1)
      break
    end
  end
  local number = text:match('^%d+%.')
  if number then
    table.insert(parts, pandoc.Span(pandoc.Str(number), pandoc.Attr('', {'number'})))
    text = text:sub(#number + 1)
  end
  local content = pandoc.Inlines(parts)
  if text ~= '' then
    content:insert(pandoc.Str(text))
  end
  for i = 2, #para.content do
    content:insert(para.content[i])
  end
  return pandoc.Para(content)
end

local function annex_items(div)
  if div.classes[1] == 'annex' then
    div.content = div.content:map(function(block)
      return block.t == 'Para' and split_annex_item(block) or block
    end)
    return div
  end
end

-- The text of a leading Span of ``class`` in a paragraph's inlines, or ''.
local function lead_span(inlines, class)
  for _, inline in ipairs(inlines) do
    if inline.t ~= 'Span' then
      return ''
    elseif inline.classes[1] == class then
      return pandoc.utils.stringify(inline)
    end
  end
  return ''
end

-- Table columns ----------------------------------------------------------------------------------

-- Width in em of the widest run that cannot break (figures, Latin, amounts: the Latin face's range in
-- gbt9704.typ), as Times New Roman sets it: figures, letters and ¥ half an em, separators a quarter.
-- A date (2026年7月10日) is kept whole too: its figures, 年月日 an em each, and at each of the five places
-- where figures meet a character the fifth of an em LibreOffice adds (Word does not: autoSpaceDE/DN).
local function widest_run_em(cell)
  local text = pandoc.utils.stringify(cell.contents)
  local widest, run = 0, 0
  for _, code in utf8.codes(text) do
    if latin(code) then
      run = run + ((code == 44 or code == 46 or code == 58) and 0.25 or 0.5)
      widest = math.max(widest, run)
    else
      run = 0
    end
  end
  for date in text:gmatch('%d+年%d+月%d+日') do
    local figures = select(2, date:gsub('%d', ''))
    widest = math.max(widest, figures * 0.5 + 3 + 5 * 0.2)
  end
  return widest
end

-- A column is at least as wide as its widest unbreakable run (an amount or a date never wraps in a
-- cell); what it gains is taken from the widest column.
local function fit_columns(tbl)
  local specs = tbl.colspecs
  local need = {}
  for i = 1, #specs do
    need[i] = 0
  end
  local function measure(rows)
    for _, row in ipairs(rows) do
      for i, cell in ipairs(row.cells) do
        if need[i] then
          need[i] = math.max(need[i], (widest_run_em(cell) * TABLE_PT + CELL_PAD_PT) / LINE_PT)
        end
      end
    end
  end
  measure(tbl.head.rows)
  for _, body in ipairs(tbl.bodies) do
    measure(body.body)
  end
  local widest = 1
  for i, spec in ipairs(specs) do
    if type(spec[2]) ~= 'number' then
      return nil  -- no stated widths: the writer sizes the columns
    end
    if spec[2] > specs[widest][2] then
      widest = i
    end
  end
  local changed = false
  for i, spec in ipairs(specs) do
    if i ~= widest and spec[2] < need[i] then
      specs[widest][2] = specs[widest][2] - (need[i] - spec[2])
      spec[2] = need[i]
      changed = true
    end
  end
  if changed then
    tbl.colspecs = specs
    return tbl
  end
end

-- docx ----------------------------------------------------------------------------------------------

local function styled(style, blocks)
  return pandoc.Div(blocks, pandoc.Attr('', {}, {['custom-style'] = style}))
end

-- The paragraphs of ``div`` added to ``out`` in paragraph styles: the first in ``styles.first``, the others in
-- ``styles.rest``.
local function styled_lines(div, styles, out)
  for i, para in ipairs(paragraphs(div)) do
    table.insert(out, styled(i == 1 and styles.first or styles.rest, {para}))
  end
  return out
end

local function docx_block(block)
  local class = class_of(block)
  if STYLES[class] then
    return styled(STYLES[class], block.content)
  elseif LINE_STYLES[class] then
    return styled_lines(block, LINE_STYLES[class], {})
  elseif class == 'parties' then
    local out = {}
    for _, party in ipairs(block.content) do
      styled_lines(party, PARTY_STYLES, out)
    end
    return out
  end
  return block
end

local function docx_blocks(blocks)
  local out = {}
  for i, block in ipairs(blocks) do
    local next_class = class_of(blocks[i + 1])
    if KEPT_BEFORE[next_class] and block.t == 'Para' then
      block = styled(KEEP_STYLE, {block})
    end
    append(out, docx_block(block))
  end
  return out
end

-- typst ---------------------------------------------------------------------------------------------

-- A call of a gbt9704.typ function whose arguments are pieces of raw typst and paragraphs' text (as content
-- blocks, escaped by the writer), as one line of markup.
local function typst_call(...)
  local inlines = pandoc.Inlines{}
  for _, part in ipairs({...}) do
    if type(part) == 'string' then
      inlines:insert(pandoc.RawInline('typst', part))
    else
      inlines:insert(pandoc.RawInline('typst', '['))
      inlines:extend(part.content)
      inlines:insert(pandoc.RawInline('typst', ']'))
    end
  end
  return pandoc.Plain(inlines)
end

local function typst_string(text)
  return '"' .. text:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

local function raw(text)
  return pandoc.RawBlock('typst', text)
end

local function wrapped(call, blocks)
  local out = pandoc.Blocks{raw('#' .. call .. '[')}
  out:extend(blocks)
  out:insert(raw(']'))
  return out
end

local function typst_annex(block)
  local items = paragraphs(block)
  local parts = {'#gb-annex(', typst_string(lead_span(items[1].content, 'label')), ', (('}
  for _, para in ipairs(items) do
    local name = para.content:filter(function(inline)
      return not (inline.t == 'Span' and (inline.classes[1] == 'label' or inline.classes[1] == 'number'))
    end)
    table.insert(parts, typst_string(lead_span(para.content, 'number')))
    table.insert(parts, ', ')
    table.insert(parts, pandoc.Plain(name))
    table.insert(parts, '), (')
  end
  parts[#parts] = '),))'
  return typst_call(table.unpack(parts))
end

local function typst_block(block, next_block)
  local class = class_of(block)
  if STYLES[class] then
    return wrapped('gb-' .. class, block.content)
  elseif class == 'signature' then
    local lines = paragraphs(block)
    local parts = {'#gb-signature(('}
    for i = 1, #lines - 1 do
      table.insert(parts, lines[i])
      table.insert(parts, ', ')
    end
    table.insert(parts, '), ')
    table.insert(parts, lines[#lines])
    table.insert(parts, ')')
    return typst_call(table.unpack(parts))
  elseif class == 'closing' then
    local lines = paragraphs(block)
    return typst_call('#gb-closing(', lines[1], ', ', lines[2] or pandoc.Plain{}, ')')
  elseif class == 'parties' then
    local out = pandoc.Blocks{}
    for i, party in ipairs(block.content) do
      local last = i == #block.content and not KEPT_BEFORE[class_of(next_block)]
      out:extend(wrapped(last and 'gb-party(last: true)' or 'gb-party', party.content))
    end
    return out
  elseif class == 'annex' then
    return typst_annex(block)
  elseif class == 'approval' then
    return wrapped('gb-approval', block.content)
  end
  return block
end

-- A run of figures or Latin letters never breaks (an amount, a 文号 year, a case number, a credit code). Each
-- run of four or more gets a conditional break before it (before an opening bracket bound to it) and a probe
-- after its first character, where no line can break: when the probe finds the run at the start of a line,
-- the line it left ends short instead of being letter-spaced (gbt9704.typ unit-break).
local OPENING = {['（'] = true, ['〔'] = true, ['《'] = true, ['“'] = true, ['【'] = true, ['‘'] = true}
local MIN_RUN = 4  -- a shorter run (a day, a month) leaves less than a cell to spread

local function unit_breaks(blocks)  -- the body only: the title is typeset (and named) twice
  local count = 0
  return blocks:walk{
    traverse = 'topdown',
    Div = function(div)
      if SIGNING[div.classes[1]] then
        return div, false  -- a signature line is set whole, never broken
      end
    end,
    Str = function(str)
      local chars = {}
      for pos, code in utf8.codes(str.text) do
        table.insert(chars, {pos = pos, code = code})
      end
      table.insert(chars, {pos = #str.text + 1, code = 0})
      local pieces, from, i = {}, 1, 1
      while i < #chars do
        local j = i
        while j < #chars and latin(chars[j].code) do
          j = j + 1
        end
        if j - i >= MIN_RUN then
          local opening = i > 1 and OPENING[utf8.char(chars[i - 1].code)]
          local cut = opening and chars[i - 1].pos or chars[i].pos
          local lead = str.text:sub(cut, chars[i + 1].pos - 1)  -- the bracket and the run's first character
          count = count + 1
          local key = 'gb-unit-' .. count
          table.insert(pieces, pandoc.Str(str.text:sub(from, cut - 1)))
          -- ";" ends each embedded expression: text after it such as ".A0" would otherwise be read as a field access
          table.insert(pieces, pandoc.RawInline('typst', '#unit-break("' .. key .. '", ' .. typst_string(lead) .. ');'))
          table.insert(pieces, pandoc.Str(lead))
          table.insert(pieces, pandoc.RawInline('typst', '#[#metadata(none)<' .. key .. '>];'))
          from = chars[i + 1].pos
        end
        i = math.max(j, i + 1)
      end
      if #pieces == 0 then
        return nil
      end
      table.insert(pieces, pandoc.Str(str.text:sub(from)))
      return pieces
    end,
  }
end

local function typst_blocks(blocks)
  local out = pandoc.Blocks{}
  for i, block in ipairs(blocks) do
    if KEPT_BEFORE[class_of(blocks[i + 1])] and not KEPT_BEFORE[class_of(block)] then
      out:extend(wrapped('gb-keep', {block}))
    else
      append(out, typst_block(block, blocks[i + 1]))
    end
  end
  return out
end

-- Batch ---------------------------------------------------------------------------------------------

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
    :walk{Inlines = join_east_asian, Table = fit_columns, Div = annex_items}
  if job.docx ~= pandoc.json.null and job.docx then
    local docx = doc:clone()
    docx.blocks = docx_blocks(docx.blocks)
    write_file(job.docx, pandoc.write(docx, 'docx', docx_options))
  end
  if job.typst ~= pandoc.json.null and job.typst then
    local typst = doc:clone()
    typst.blocks = typst_blocks(unit_breaks(typst.blocks))
    write_file(job.typst, pandoc.write(typst, 'typst', typst_options))
  end
end
