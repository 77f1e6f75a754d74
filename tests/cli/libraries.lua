-- io, os, package and debug are not available; the rest of the standard
-- library is.
print(io, os, package, debug)
print(type(string), type(table), type(math), type(bit), type(jit),
      type(coroutine))
print(string.format('%d', 42), table.concat({'a', 'b'}, ','),
      math.floor(2.5), bit.band(6, 3), type(jit.version))
print(type(require), type(pcall), type(spawn), type(this_fiber))
