-- Helpers of the regex tests (a module, not a test: it has no .out file).
-- Its globals are its exports.

-- An error as one line: the message, the category, and the fields that
-- say what was wrong (arg/field, position).
function describe(e)
    if type(e) ~= 'table' then return tostring(e) end
    local s = tostring(e) .. ' [' .. tostring(e.category) .. ' ' ..
              tostring(e.code) .. ']'
    if e.arg then s = s .. ' arg=' .. e.arg end
    if e.field then s = s .. ' field=' .. e.field end
    if e.func then s = s .. ' func=' .. e.func end
    if e.expected then s = s .. ' expected ' .. e.expected .. ', got ' .. e.got end
    if e.position then s = s .. ' position=' .. e.position end
    if e.detail then s = s .. ' (has detail)' end
    return s
end

-- pcall(f, ...) printed: the results, or the described error.
function try(f, ...)
    local function report(ok, ...)
        if not ok then
            print('error: ' .. describe((...)))
            return
        end
        local out = {}
        for i = 1, select('#', ...) do
            out[i] = show((select(i, ...)))
        end
        print(table.concat(out, ' '))
    end
    report(pcall(f, ...))
end

-- A value with its type: strings quoted, byte_spans as span"...", lists
-- in braces, search results as {empty, [0]=s-e, ...}.
function show(v)
    local t = type(v)
    if t == 'string' then return string.format('%q', v) end
    if t == 'userdata' and getmetatable(v) == 'byte_span' then
        return 'span' .. string.format('%q', tostring(v))
    end
    if t ~= 'table' then return tostring(v) end
    if v.empty ~= nil then
        if v.empty then return '{empty}' end
        local parts = {}
        for i = 0, 20 do
            local m = v[i]
            if m then
                parts[#parts + 1] = '[' .. i .. ']=' .. m.start .. '-' .. m.end_
            end
        end
        return '{' .. table.concat(parts, ' ') .. '}'
    end
    local parts = {}
    for i = 1, #v do parts[i] = show(v[i]) end
    return '{' .. table.concat(parts, ', ') .. '}'
end
