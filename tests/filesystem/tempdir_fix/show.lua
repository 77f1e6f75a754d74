-- Prints temp_directory_path() or the error it raises (fixture of
-- temp_directory.cmd).
local fs = require "filesystem"
local ok, r = pcall(fs.temp_directory_path)
if ok then
    print(tostring(r))
else
    print(tostring(r), tostring(r.path1))
end
