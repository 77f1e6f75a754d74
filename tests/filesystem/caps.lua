-- cap_get_file and cap_set_file.  Setting file capabilities needs
-- CAP_SETFCAP and extended attributes; the lines below print the same
-- with them (the set works and reads back) and without (EPERM/ENOTSUP).
local fs = require "filesystem"
local system = require "system"
local generic_error = require "generic_error"
local T = require "./tmp"
local d = T.make("caps")

T.file(d / "f")
local ok, e = pcall(fs.cap_get_file, d / "f")
print("none yet", ok, tostring(e), T.rel(e.path1))   -- ENODATA

local caps = system.cap_from_text("cap_net_raw=ep")
ok, e = pcall(fs.cap_set_file, d / "f", caps)
if ok then
    local got = fs.cap_get_file(d / "f")
    print("set", getmetatable(got), tostring(got) == "cap_net_raw=ep")
else
    -- no privilege, or a filesystem without extended attributes
    local g = e:togeneric()
    print("set", getmetatable(caps), g == generic_error.EPERM or
          g == generic_error.EOPNOTSUPP)
end

ok, e = pcall(fs.cap_get_file, d / "nope")
print("missing", e:togeneric() == generic_error.ENOENT, T.rel(e.path1))
print("bad", T.try(fs.cap_set_file, d / "f", "cap_net_raw=ep"),
      T.try(fs.cap_set_file, tostring(d / "f"), caps),
      T.try(fs.cap_get_file, "f"))
print(fs.remove_all(d))
