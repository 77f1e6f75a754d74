-- Bad format strings raise "format: WHY at offset N of fmt" (N counts
-- bytes from 0); bad arguments raise the usual argument errors.

-- An argument error shows its fields: the generic EINVAL with `arg`, and
-- the runtime's report (func, argname, expected, got).
local function describe(e)
    if type(e) ~= 'table' or (e.arg == nil and e.field == nil) then
        return e
    end
    local s = tostring(e) .. ' | ' .. tostring(e.func) .. ': ' ..
              (e.arg and 'argument #' .. e.arg or 'field ' .. e.field)
    if e.argname then s = s .. ' (' .. e.argname .. ')' end
    if e.expected then
        s = s .. ' must be ' .. e.expected .. ' (got ' .. e.got .. ')'
    end
    return s
end
local function try(...)
    local ok, err = pcall(format, ...)
    print(ok, describe(err))
end

try("{", 1)
try("}")
try("a}b")
try("{0} {}", 1, 2)
try("{} {0}", 1)
try("{:>{1}}", "ab", 4)
try("{1}", 1)
try("{}")
try("{x}", 1)
try("{01}", 1)
try("{a-b}", {"a", 1})
try("{0", 1)
try("{:d", 1)
try("{:dd}", 1)
try("{:q}", 1)
try("{:.}", 1.5)
try("{:99999999999}", 1)
try("{:{<5}", "x")
try("{:}<5}", "x")
try("{:{}}", "x", 1.5)
try("{:{}}", "x", -1)
try("{:.{}}", "x", "y")
try("{:{}}", "x", true)
try("{:d}", "s")
try("{:f}", "s")
try("{:+}", "s")
try("{:#}", "s")
try("{:05}", "s")
try("{:L}", "s")
try("{:.2}", true)
try("{:e}", true)
try("{:#}", true)
try("{:+}", false)
try("{:?}", 1)
try("{:s}", 1)
try("{:.2d}", 3)
try("{:d}", 3.5)
try("{:x}", math.huge)
try("{:c}", 300)
try("{:c}", -1)
try(1)
try()
try("{}", nil)
try("{}", {1, 2})
try("{}", {"a"})
try("{}", print)
try("{\0}", 1)
try("{:\0}", 1)
try("{0\0}", 1)
