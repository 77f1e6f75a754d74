-- A module's globals are its exports; its locals are not; neither leaks
-- into the importer's globals.
secret = 'entry only'
local m = require './glob/mod'
print(m.exported, m.hidden, m.greet('you'))
print(exported, greet, rawget(_G, 'exported'))
print(type(m))
