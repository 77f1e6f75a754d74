-- A file module at the project root's level: '../x' is a sibling, one
-- more '../' would leave the project.
sibling = require('../value').name
local ok, e = pcall(require, '../../value')
above = tostring(e) .. ' / ' .. tostring(e.module)
