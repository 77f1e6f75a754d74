-- A module is evaluated once per VM, whatever id names it and whoever
-- imports it; every import gives the same table.
local a = require './once/counter'
local b = require './once/counter'
local c = require '/once/counter'
local o = require './once/other'
print(rawequal(a, b), rawequal(a, c), rawequal(a, o.counter))
print(rawequal(a.value, o.counter.value))
