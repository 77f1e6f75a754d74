-- rfind(tgt[, end_]): the last match beginning at or before end_.
local b = byte_span.append("abcabcab")
print(b:rfind("bc"), b:rfind("bc", 4), b:rfind("bc", 1), b:rfind("x"))
print(b:rfind("ab"), b:rfind("ab", 6), b:rfind("abcabcab"), b:rfind("abcabcabc"))
print(b:rfind(""), b:rfind("", 3), b:rfind("b", 100))
print(byte_span.new(0):rfind(""), byte_span.new(0):rfind("a"))
