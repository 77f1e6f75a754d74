-- last_write_time get and set, and filesystem.clock with its time
-- points (arithmetic, comparisons, conversions to and from the system
-- clock).
local fs = require "filesystem"
local time = require "time"
local generic_error = require "generic_error"
local T = require "./tmp"
local d = T.make("times")
local clock = fs.clock

T.file(d / "f")
fs.create_symlink(fs.path.new("f"), d / "l")
local tp = clock.unix_epoch() + 1234567890.25
fs.last_write_time(d / "l", tp)    -- follows the link
print("set", fs.last_write_time(d / "f") == tp,
      fs.last_write_time(d / "f").seconds_since_unix_epoch)
local before = clock.now()
fs.last_write_time(d / "f", before)
print("now", fs.last_write_time(d / "f") == before)
local ok, e = pcall(fs.last_write_time, d / "nope")
print("missing", e:togeneric() == generic_error.ENOENT, T.rel(e.path1))
print("bad", T.try(fs.last_write_time, d / "f", 5),
      T.try(fs.last_write_time, d / "f", time.system_clock.now()),
      T.try(fs.last_write_time, "f"))

local a = clock.epoch()
print("epoch", a.seconds_since_epoch, a.seconds_since_unix_epoch,
      a == clock.unix_epoch())
local b = a + 1.5
print("add", b.seconds_since_epoch, (2.5 + a).seconds_since_epoch,
      b - a, (b - 0.5).seconds_since_epoch)
b:add(1e-9 / 2)   -- half a tick rounds to even: no change
print("round", b - a)
b:add(3 * 1e-9 / 2)
print("round", string.format("%.9f", b - a))
b:sub(10)
print("sub", string.format("%.9f", b.seconds_since_epoch))
print("compare", a < b, b < a, a <= a, a == clock.epoch(), a ~= b)
print("bad", T.try(b.add, b, "x"), T.try(b.add, b, 0 / 0),
      T.try(function() return a < 1 end))

local sys = time.system_clock.now()
local f = clock.from_system(sys)
print("system", f:to_system() == sys, getmetatable(f:to_system()),
      getmetatable(f), T.try(clock.from_system, f))
print(math.abs(clock.now().seconds_since_unix_epoch -
               time.system_clock.now().seconds_since_epoch) < 60)
print(fs.remove_all(d))
