local s = require "system"; local t = s.get_ld_library_directories(); print(#t > 0, getmetatable(t[1]))
