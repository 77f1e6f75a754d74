#!/usr/bin/env emilua
-- An app bundled by tests/bundle/app.cmd: relative modules, a package at
-- its top level, its arguments, an error's line number.
local system = require "system"
local greet = require "./lib/greet"
print(greet.hello(system.arguments[3] or "nobody"))
print("arguments", #system.arguments, system.arguments[4])
print("package", require("pkg").name)
print("context", _CONTEXT)
local ok, err = pcall(require, "./missing")
print("missing", ok, tostring(err))
ok, err = pcall(require, "../outside")
print("outside", ok, tostring(err))
if system.arguments[3] == "fail" then
    error("failing on request")
end
