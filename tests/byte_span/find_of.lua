-- find_first_of / find_first_not_of (from start), and the last_ ones
-- (from end_ backwards).
local b = byte_span.append("  key = value ;")
print(b:find_first_of("=;"), b:find_first_of("=;", 8), b:find_first_of("#"))
print(b:find_first_not_of(" "), b:find_first_not_of(" key", 3))
print(b:find_last_of("e"), b:find_last_of("e", 12), b:find_last_of("e", 3))
print(b:find_last_not_of(" ;"), b:find_last_not_of(" ;", 6))
print(b:find_first_of(""), b:find_first_not_of(""), b:find_last_of(""))
print(b:find_first_of("k", 100), b:find_last_of("k", 100))
local e = byte_span.new(0)
print(e:find_first_of("a"), e:find_last_of("a"), e:find_last_not_of("a"))
print(b:find_first_of(byte_span.append("v")))
