local pkg = require "/pkg"
function hello(who)
    return "hello, " .. who .. " (" .. pkg.name .. ")"
end
