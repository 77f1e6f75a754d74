-- find(tgt[, start]): 1-based index of the first match at or after start.
local b = byte_span.append("abcabcab")
print(b:find("bc"), b:find("bc", 3), b:find("bc", 6), b:find("x"))
print(b:find("ab", 7), b:find("abc", 7), b:find(byte_span.append("ca")))
print(b:find(""), b:find("", 9), b:find("", 10), b:find("a", 100))
print(byte_span.new(0):find(""), byte_span.new(0):find("a"))
