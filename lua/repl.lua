-- The interactive prompt (src/core/repl.c): the main fiber reads a line,
-- runs it as a chunk of the prompt's module and prints what it returns.
-- A line that is an expression prints its value; "=expr" too, as in
-- Lua's own prompt.  A chunk cut short asks for more lines.
local repl = ...
local load, pcall, select, setfenv, tostring, print =
    load, pcall, select, setfenv, tostring, print
local getfenv = getfenv

local function incomplete(msg)
    return type(msg) == "string" and msg:sub(-7) == "'<eof>'"
end

local function compile(src, env)
    if src:sub(1, 1) == "=" then
        src = "return " .. src:sub(2)
    end
    local fn = load("return " .. src, "=stdin")
    local msg
    if not fn then
        fn, msg = load(src, "=stdin")
    end
    if fn then
        setfenv(fn, env)
    end
    return fn, msg
end

local function show(ok, ...)
    if not ok then
        repl.report((...))
    elseif select("#", ...) > 0 then
        print(...)
    end
end

return function()
    local env = getfenv(1)
    while true do
        local line = repl.read("> ")
        if line == nil then
            break
        end
        local src = line
        local fn, msg = compile(src, env)
        while not fn and incomplete(msg) do
            line = repl.read(">> ")
            if line == nil then
                break
            end
            src = src .. "\n" .. line
            fn, msg = compile(src, env)
        end
        if src:find("%S") then
            repl.history(src)
        end
        if fn then
            repl.evaluating(true)
            show(pcall(fn))
            repl.evaluating(false)
        elseif src:find("%S") then
            repl.report(msg)
        end
    end
    repl.quit()
end
