-- Bytes are octets: NULs and high bytes pass through every operation.
local b = byte_span.append("\0\255\128\0")
print(#b, b[1], b[2], b[3], b[4])
print(b:find("\128"), b:find("\0", 2), b:rfind("\0"))
print(b:find_first_not_of("\0"), b:find_last_not_of("\0"))
print(#b:trimmed("\0"), b:trimmed("\0"):get_u16be())
print(tostring(b:append("\0")) == "\0\255\128\0\0")
