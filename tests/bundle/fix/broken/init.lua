print("never bundled")
local x = = 1
