-- A file module: '../helper' is its sibling rel/pkg/helper.lua.
helper_name = require('../helper').name
